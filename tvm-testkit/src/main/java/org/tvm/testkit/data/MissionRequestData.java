package org.tvm.testkit.data;

import static org.tvm.testkit.data.TvmTestData.pointNearBase;

import java.time.Instant;
import java.util.function.UnaryOperator;
import org.tvm.domain.access.UserId;
import org.tvm.domain.facility.FacilityId;
import org.tvm.domain.mission.Mission;
import org.tvm.domain.mission.MissionId;
import org.tvm.domain.mission.MissionPriority;
import org.tvm.domain.mission.MissionRequest;
import org.tvm.domain.mission.Place;
import org.tvm.domain.resident.ResidentId;

/** Mission request: pickup "Room 101" to "Physiotherapy", NORMAL priority, not scheduled. */
public final class MissionRequestData {
    private final MissionRequest.Builder b = MissionRequest.builder();

    MissionRequestData(FacilityId facilityId, ResidentId residentId, UserId createdBy) {
        b.id(MissionId.newId()).facilityId(facilityId).residentId(residentId).createdBy(createdBy)
                .pickup(Place.of("Room 101", pointNearBase(0, 0))).dropoff(Place.of("Physiotherapy", pointNearBase(250, -40)))
                .priority(MissionPriority.NORMAL);
    }

    public MissionRequestData id(MissionId id) { b.id(id); return this; }
    public MissionRequestData priority(MissionPriority priority) { b.priority(priority); return this; }
    public MissionRequestData pickup(Place place) { b.pickup(place); return this; }
    public MissionRequestData dropoff(Place place) { b.dropoff(place); return this; }
    public MissionRequestData scheduledAt(Instant at) { b.scheduledAt(at); return this; }
    public MissionRequestData notes(String notes) { b.notes(notes); return this; }
    public MissionRequestData with(UnaryOperator<MissionRequest.Builder> f) { f.apply(b); return this; }
    public MissionRequest build() { return b.build(); }
}
