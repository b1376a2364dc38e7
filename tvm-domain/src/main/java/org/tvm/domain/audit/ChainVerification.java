package org.tvm.domain.audit;

import java.util.Optional;
import java.util.UUID;

/**
 * Outcome of walking one chain: how much was checked and the first break, if any.
 *
 * @param rowsChecked  rows found intact before the first break (all rows when intact)
 * @param auditEntries of which audit entries (changes and events)
 * @param lastSeq      seq of the last intact row, or null if none
 */
public record ChainVerification(UUID chain, long rowsChecked, long auditEntries, long checkpointsChecked, Long lastSeq,
                                Optional<ChainBreak> firstBreak) {

    /** @return intact rows that are data-access entries */
    public long accessEntries() {
        return rowsChecked - auditEntries;
    }

    /** @return true if no break was found */
    public boolean intact() {
        return firstBreak.isEmpty();
    }
}
