package org.tvm.adapter.sql;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.tvm.domain.mission.Mission;
import org.tvm.domain.mission.MissionId;

/**
 * The missions one transaction claimed ({@code claimNextPending}: rows locked {@code FOR UPDATE}) and has not changed
 * since. While the row lock is held nobody else can change such a mission, so {@code assign} may decide from this copy
 * instead of locking and reading the row a second time. Any write of the mission in the same transaction must
 * {@link #forget} it first; anything that can release row locks before the transaction ends (a rollback to a
 * savepoint) must {@link #clear} it.
 *
 * <p>Owned by one transaction, used by its thread only (not thread-safe).
 */
public final class ClaimedMissions {

    private final Map<MissionId, Mission> locked = new HashMap<>();

    /** Records a mission whose row this transaction has just locked, as it was read under the lock. */
    public void remember(Mission mission) {
        locked.put(mission.id(), mission);
    }

    /**
     * @return the mission as claimed (unchanged since, row still locked) and forgets it, or null if this transaction
     *         did not claim it (the caller must then lock and read the row)
     */
    public Mission take(MissionId id) {
        return locked.remove(Objects.requireNonNull(id, "id"));
    }

    /** The mission is about to be written: the copy is no longer current. */
    public void forget(MissionId id) {
        locked.remove(id);
    }

    /** Row locks may have been released (rollback to a savepoint): trust no copy. */
    public void clear() {
        locked.clear();
    }
}
