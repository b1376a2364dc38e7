package org.tvm.ports;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.tvm.domain.audit.AuditEntry;
import org.tvm.domain.audit.ChainCheckpoint;
import org.tvm.domain.audit.ChainVerification;

/**
 * The tamper-evident audit trail, administration side. Every audit entry and data-access entry belongs to one hash
 * chain: its facility's, or the system chain ({@link org.tvm.domain.audit.AuditChain#SYSTEM_CHAIN}) for entries without
 * facility. The database links rows as they are inserted (whoever inserts them), except the entries of its audit
 * triggers on PostgreSQL, which wait until {@link TvmAdministration#linkWaitingAuditEntries} (which {@link #verify} and
 * {@link #seal} call first) moves them into the chain; this port verifies chains, signs
 * checkpoints with the application's key, and writes system events. Obtained from
 * {@link TvmAdministration#auditTrail}; each method runs in its own transaction with the admin role. Thread-safe.
 */
public interface AuditTrail {

    /**
     * Links the entries waiting for their chains first ({@link TvmAdministration#linkWaitingAuditEntries}), then walks
     * the chain (without changing it) and reports the first row that was changed, deleted, inserted out of order, left
     * unchained, or re-hashed since a signed checkpoint, and a truncated tail. Cost: one pass over the chain's rows.
     *
     * @param chain non-null facility id, or {@code AuditChain.SYSTEM_CHAIN}
     * @return the outcome; an unknown or empty chain is intact with 0 rows
     */
    ChainVerification verify(UUID chain);

    /**
     * Verifies the chain and, if intact and non-empty, signs its current head with the current key and stores the
     * checkpoint. From then on a rewrite of any row up to that position is detectable even if the database re-hashes
     * the chain. Sealing an already sealed head returns the existing checkpoint.
     *
     * @param chain non-null facility id, or {@code AuditChain.SYSTEM_CHAIN}
     * @param at    non-null signing time
     * @return the checkpoint, or empty if the chain has no rows
     * @throws AuditChainBrokenException if the chain is not intact (nothing signed)
     */
    Optional<ChainCheckpoint> seal(UUID chain, Instant at);

    /**
     * Appends an entry to the system chain: migrations, maintenance, key rotation, permission changes.
     *
     * @param entry non-null entry without facility
     * @throws IllegalArgumentException if the entry names a facility
     */
    void recordSystemEvent(AuditEntry entry);
}
