package org.tvm.domain.audit;

/**
 * The first place where a chain is not what its writers left. {@code seq}/{@code kind}/{@code rowId} name the row (or
 * the missing position when {@code rowId} is null); the message never quotes row content.
 */
public record ChainBreak(Long seq, String kind, Long rowId, Reason reason, String message) {

    /** What the verifier found. */
    public enum Reason {
        /** A row's content or stored hash does not match its recomputed hash (changed in place). */
        CHANGED,
        /** A chain position has no row (deleted), or the oldest rows are gone without a checkpoint anchoring the rest. */
        MISSING,
        /** A row whose position or previous hash does not follow its predecessor (forged, duplicated or reordered). */
        OUT_OF_ORDER,
        /** A row that carries no chain position (written past the chain trigger). */
        UNCHAINED,
        /** The chain was re-hashed consistently but no longer matches a signed checkpoint. */
        REHASHED,
        /** A checkpoint whose signature is not valid under the application's key. */
        FORGED_CHECKPOINT,
        /** Rows at the end of the chain are gone (the head or a checkpoint is beyond the last row). */
        TRUNCATED
    }

    @Override
    public String toString() {
        return reason + " at " + (rowId == null ? "seq " + seq : kind + " row id " + rowId + " (seq " + seq + ")")
                + ": " + message;
    }
}
