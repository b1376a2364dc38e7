package org.tvm.testkit.contract;

import java.time.Instant;
import java.util.List;
import org.tvm.domain.access.RoleName;
import org.tvm.domain.mission.Mission;
import org.tvm.domain.mission.MissionId;
import org.tvm.domain.mission.MissionPriority;
import org.tvm.domain.mission.MissionTransition;
import org.tvm.ports.TvmTransaction;
import org.tvm.testkit.data.FacilityWorld;
import org.tvm.testkit.data.TvmTestData;

/** The pending missions and claims that {@link DispatchContract} and {@link DispatchConcurrencyContract} set up. */
final class DispatchSupport {

    private DispatchSupport() {
    }

    /** Inserts a pending mission for the world's first resident, requested by its nurse at {@code createdAt}. */
    static Mission pending(FacilityWorld w, MissionPriority priority, Instant createdAt) {
        MissionTransition created = TvmTestData.mission(w.facilityId(), w.residentId(0), w.userId(RoleName.NURSE))
                .priority(priority).at(createdAt).build();
        w.run((TvmTransaction tx) -> tx.missions().insert(created));
        return created.mission();
    }

    /** As {@link #pending(FacilityWorld, MissionPriority, Instant)}, with a chosen id. */
    static Mission pending(FacilityWorld w, MissionId id, MissionPriority priority, Instant createdAt) {
        MissionTransition created = TvmTestData.mission(w.facilityId(), w.residentId(0), w.userId(RoleName.NURSE))
                .id(id).priority(priority).at(createdAt).build();
        w.run((TvmTransaction tx) -> tx.missions().insert(created));
        return created.mission();
    }

    /** The ids {@code claimNextPending(limit, now)} returns, in its own unit of work (released when it ends). */
    static List<MissionId> claim(FacilityWorld w, int limit, Instant now) {
        return w.inTransaction((TvmTransaction tx) -> tx.dispatch().claimNextPending(limit, now).stream().map(Mission::id).toList());
    }
}
