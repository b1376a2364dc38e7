package org.tvm.domain.audit;

import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.tvm.domain.audit.ChainBreak.Reason;

/**
 * Walks one chain and reports the first break. Pure: the adapters load the rows, checkpoints and head; this class
 * decides. Rows must come ordered by seq (unchained rows first), then kind, then row id.
 *
 * <p>Rules, in walking order: every checkpoint must be signed by the key; an unchained row is a break; the first row
 * must be seq 1 with the genesis previous hash, or be anchored by a checkpoint at {@code seq - 1} whose hash is its
 * previous hash (what is left after retention dropped older partitions); every next row must have the next seq and the
 * previous row's hash; every row's hash must match its content; at a checkpoint's seq the row hash must be the signed
 * one; the last row must reach the head and every checkpoint.
 */
public final class ChainVerifier {

    private ChainVerifier() {
    }

    /**
     * @param rows ordered rows of the chain (may be a database cursor)
     * @param head the stored chain head, or null if the chain has no head row
     * @param keys the application's checkpoint keys by key id (current and retired)
     */
    public static ChainVerification verify(UUID chain, Iterator<ChainLink> rows, List<ChainCheckpoint> checkpoints,
                                           ChainHead head, Map<String, AuditChainKey> keys) {
        Map<Long, ChainCheckpoint> bySeq = new HashMap<>();
        long maxCheckpoint = 0;
        for (ChainCheckpoint cp : checkpoints) {
            AuditChainKey key = keys.get(cp.keyId());
            if (key == null || !cp.signedBy(key)) {
                return result(chain, 0, 0, checkpoints, null, new ChainBreak(cp.seq(), null, null, Reason.FORGED_CHECKPOINT,
                        "checkpoint at seq " + cp.seq() + " is not signed by a known key (key id " + cp.keyId() + ")"));
            }
            bySeq.put(cp.seq(), cp);
            maxCheckpoint = Math.max(maxCheckpoint, cp.seq());
        }
        long checked = 0;
        long audits = 0;
        String prev = null;
        long expected = 0;
        long lastGoodCheckpoint = 0;
        boolean empty = true;
        while (rows.hasNext()) {
            ChainLink row = rows.next();
            empty = false;
            if (row.seq() == null || row.rowHash() == null || row.prevHash() == null) {
                return result(chain, checked, audits, checkpoints, null, at(row, Reason.UNCHAINED, "row carries no chain position"));
            }
            long seq = row.seq();
            if (prev == null) {
                if (seq == 1) {
                    prev = AuditChain.GENESIS;
                } else {
                    ChainCheckpoint anchor = bySeq.get(seq - 1);
                    if (anchor == null) {
                        return result(chain, checked, audits, checkpoints, null, new ChainBreak(1L, null, null, Reason.MISSING,
                                "the chain starts at seq " + seq + " and no checkpoint anchors seq " + (seq - 1)));
                    }
                    prev = anchor.rowHash();
                    lastGoodCheckpoint = anchor.seq();
                }
                expected = seq;
            }
            if (seq > expected) {
                return result(chain, checked, audits, checkpoints, expected - 1, new ChainBreak(expected, null, null, Reason.MISSING,
                        "no row at seq " + expected + " (next row is " + row.describe() + ")"));
            }
            if (seq < expected) {
                return result(chain, checked, audits, checkpoints, expected - 1,
                        at(row, Reason.OUT_OF_ORDER, "seq " + seq + " repeats an earlier position"));
            }
            if (!prev.equals(row.prevHash())) {
                return result(chain, checked, audits, checkpoints, expected - 1,
                        at(row, Reason.OUT_OF_ORDER, "previous hash does not match the row before it"));
            }
            if (!row.expectedHash().equals(row.rowHash())) {
                return result(chain, checked, audits, checkpoints, expected - 1,
                        at(row, Reason.CHANGED, "content does not match its hash"));
            }
            ChainCheckpoint cp = bySeq.get(seq);
            if (cp != null) {
                if (!cp.rowHash().equals(row.rowHash())) {
                    return result(chain, checked, audits, checkpoints, expected - 1, new ChainBreak(lastGoodCheckpoint + 1, null,
                            null, Reason.REHASHED, "rows in seq " + (lastGoodCheckpoint + 1) + ".." + seq
                            + " were rewritten and re-hashed: the signed checkpoint at seq " + seq + " differs"));
                }
                lastGoodCheckpoint = seq;
            }
            prev = row.rowHash();
            expected = seq + 1;
            checked++;
            if (AuditChain.KIND_AUDIT.equals(row.kind())) {
                audits++;
            }
        }
        Long last = prev == null ? null : expected - 1;
        long lastSeq = last == null ? 0 : last;
        if (maxCheckpoint > lastSeq && !(empty && bySeq.containsKey(maxCheckpoint) && headAt(head, maxCheckpoint,
                bySeq.get(maxCheckpoint).rowHash()))) {
            return result(chain, checked, audits, checkpoints, last, new ChainBreak(lastSeq + 1, null, null, Reason.TRUNCATED,
                    "rows from seq " + (lastSeq + 1) + " are missing: a checkpoint signs seq " + maxCheckpoint));
        }
        if (head != null) {
            long headSeq = head.lastSeq();
            String headHash = head.lastHash();
            if (headSeq != lastSeq && !(empty && bySeq.containsKey(headSeq))) {
                return result(chain, checked, audits, checkpoints, last, new ChainBreak(Math.min(headSeq, lastSeq) + 1, null, null,
                        headSeq > lastSeq ? Reason.TRUNCATED : Reason.OUT_OF_ORDER,
                        "the chain head is at seq " + headSeq + " but the last row is seq " + lastSeq));
            }
            if (!empty && !headHash.equals(prev)) {
                return result(chain, checked, audits, checkpoints, last, new ChainBreak(lastSeq, null, null, Reason.TRUNCATED,
                        "the chain head's hash differs from the last row's"));
            }
        } else if (!empty) {
            return result(chain, checked, audits, checkpoints, last, new ChainBreak(lastSeq, null, null, Reason.TRUNCATED,
                    "the chain has rows but no head"));
        }
        return result(chain, checked, audits, checkpoints, last, null);
    }

    private static boolean headAt(ChainHead head, long seq, String hash) {
        return head != null && head.lastSeq() == seq && hash.equals(head.lastHash());
    }

    private static ChainBreak at(ChainLink row, Reason reason, String message) {
        return new ChainBreak(row.seq(), row.kind(), row.rowId(), reason, message);
    }

    private static ChainVerification result(UUID chain, long checked, long audits, List<ChainCheckpoint> cps, Long last,
                                            ChainBreak brk) {
        return new ChainVerification(chain, checked, audits, cps.size(), last, Optional.ofNullable(brk));
    }
}
