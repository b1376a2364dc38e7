package org.tvm.domain.audit;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A signed chain position: "chain {@code chain} had {@code rowHash} at {@code seq}", with an HMAC made by the
 * application's {@link AuditChainKey}. Checkpoints let the verifier detect a history that was rewritten and re-hashed
 * inside the database, and anchor the chain when retention has dropped its oldest rows.
 */
public record ChainCheckpoint(UUID chain, long seq, String rowHash, String keyId, String mac, Instant signedAt) {

    public ChainCheckpoint {
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(rowHash, "rowHash");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(mac, "mac");
        // databases keep microseconds: a stored checkpoint must equal the one that was signed
        signedAt = Objects.requireNonNull(signedAt, "signedAt").truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    /** Signs a chain position with the key. */
    public static ChainCheckpoint sign(AuditChainKey key, UUID chain, long seq, String rowHash, Instant signedAt) {
        return new ChainCheckpoint(chain, seq, rowHash, key.keyId(), AuditChain.checkpointMac(key, chain, seq, rowHash),
                signedAt);
    }

    /** @return true if the MAC was made by this key over this position (constant-time comparison) */
    public boolean signedBy(AuditChainKey key) {
        return key.keyId().equals(keyId) && java.security.MessageDigest.isEqual(
                AuditChain.checkpointMac(key, chain, seq, rowHash).getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                mac.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
}
