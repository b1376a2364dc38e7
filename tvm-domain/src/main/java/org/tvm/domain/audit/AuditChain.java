package org.tvm.domain.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The one definition of the audit hash chain (version 1). Every audit entry and data-access entry of a facility is a
 * link: {@code row_hash = SHA-256(canonical(chain, seq, kind, row id, content fields..., prev_hash))}, hex, where every
 * value is written as {@code <UTF-8 byte length>:<text>} and a null as {@code ~} (so no two different rows can produce
 * the same canonical text). The first link's previous hash is {@link #GENESIS}.
 *
 * <p>The PostgreSQL trigger {@code tvm_audit_chain_link()} computes the same text in SQL (migration V13); the H2 trigger,
 * the in-memory adapter and the verifier call this class. The chain itself is unkeyed so the database can extend it
 * for every writer; what a database administrator cannot forge are the {@linkplain #checkpointMac checkpoints}, HMACs
 * over a chain position made with a key only the application holds.
 *
 * <p>Content fields, in order. Audit ({@link #KIND_AUDIT}): facility id, user id, user email, action, resource type,
 * resource id, details (the database's text of the JSON column), timestamp (epoch microseconds), ip address, user
 * agent, success ({@code true|false}), failure reason. Data access ({@link #KIND_ACCESS}): facility id, user id,
 * resident id, access type, accessed at (epoch microseconds).
 */
public final class AuditChain {

    /** Chain id of events without facility (system events). */
    public static final UUID SYSTEM_CHAIN = new UUID(0L, 0L);
    /** Previous hash of the first link of every chain. */
    public static final String GENESIS = "0".repeat(64);
    public static final String KIND_AUDIT = "audit";
    public static final String KIND_ACCESS = "access";

    private static final String VERSION = "tvm-chain-v1";
    private static final String CHECKPOINT_VERSION = "tvm-checkpoint-v1";

    private AuditChain() {
    }

    /** @return the chain a row of this facility belongs to ({@link #SYSTEM_CHAIN} for null) */
    public static UUID chainOf(UUID facilityId) {
        return facilityId == null ? SYSTEM_CHAIN : facilityId;
    }

    /** Length-prefixed text of one value; null is {@code ~}. */
    public static String field(String value) {
        if (value == null) {
            return "~";
        }
        return value.getBytes(StandardCharsets.UTF_8).length + ":" + value;
    }

    /** @return the canonical text of one link */
    public static String canonical(UUID chain, long seq, String kind, long rowId, List<String> fields, String prevHash) {
        StringBuilder sb = new StringBuilder(256);
        sb.append(field(VERSION)).append(field(chain.toString())).append(field(Long.toString(seq)))
                .append(field(kind)).append(field(Long.toString(rowId)));
        for (String f : fields) {
            sb.append(field(f));
        }
        return sb.append(field(prevHash)).toString();
    }

    /** @return hex SHA-256 of the canonical text */
    public static String rowHash(UUID chain, long seq, String kind, long rowId, List<String> fields, String prevHash) {
        return sha256Hex(canonical(chain, seq, kind, rowId, fields, prevHash));
    }

    /** Epoch microseconds, the form timestamps take in the canonical text (both databases store microseconds). */
    public static String micros(Instant instant) {
        if (instant == null) {
            return null;
        }
        return Long.toString(Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L),
                instant.getNano() / 1_000));
    }

    /** @return the HMAC-SHA256 (hex) a checkpoint carries for this chain position */
    public static String checkpointMac(AuditChainKey key, UUID chain, long seq, String rowHash) {
        String text = field(CHECKPOINT_VERSION) + field(chain.toString()) + field(Long.toString(seq)) + field(rowHash)
                + field(key.keyId());
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.secret(), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}
