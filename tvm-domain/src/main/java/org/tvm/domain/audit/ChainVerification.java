package org.tvm.domain.audit;

import java.util.Optional;
import java.util.UUID;

/** Outcome of walking one chain: how much was checked and the first break, if any. */
public record ChainVerification(UUID chain, long rowsChecked, long checkpointsChecked, Long lastSeq,
                                Optional<ChainBreak> firstBreak) {

    /** @return true if no break was found */
    public boolean intact() {
        return firstBreak.isEmpty();
    }
}
