package org.tvm.domain.audit;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One stored row of an audit hash chain, as the verifier sees it: which chain, its position, which table and row it is,
 * the row's content as canonical text fields (see {@link AuditChain#canonical}), and the two stored hashes.
 * {@code seq}, {@code prevHash} and {@code rowHash} are null for a row that was never chained (written past the trigger).
 *
 * @param chain    the chain: a facility id, or {@link AuditChain#SYSTEM_CHAIN} for events without facility
 * @param seq      position in the chain (1-based), or null
 * @param kind     {@link AuditChain#KIND_AUDIT} or {@link AuditChain#KIND_ACCESS}
 * @param rowId    the row's id in its table
 * @param fields   the row's content fields in the order of the kind (null elements allowed)
 * @param prevHash stored hash of the previous row, or null
 * @param rowHash  stored hash of this row, or null
 */
public record ChainLink(UUID chain, Long seq, String kind, long rowId, List<String> fields, String prevHash,
                        String rowHash) {

    public ChainLink {
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(kind, "kind");
        fields = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(fields));
    }

    /** @return the hash this row must carry given its stored previous hash */
    public String expectedHash() {
        return AuditChain.rowHash(chain, seq == null ? 0 : seq, kind, rowId, fields, prevHash);
    }

    /** Row identity for reports: never the content (it may be personal data). */
    public String describe() {
        return kind + " row id " + rowId + (seq == null ? " (unchained)" : " (seq " + seq + ")");
    }
}
