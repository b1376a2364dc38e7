package org.tvm.testkit.data;

import java.time.Instant;
import java.util.Objects;
import org.tvm.domain.access.UserId;
import org.tvm.domain.facility.FacilityId;
import org.tvm.domain.mission.Mission;
import org.tvm.domain.mission.MissionId;
import org.tvm.domain.mission.MissionPriority;
import org.tvm.domain.mission.MissionTransition;
import org.tvm.domain.mission.Place;
import org.tvm.domain.resident.ResidentId;

/** Mission creation ({@code Mission.request(request, now)}); {@code build()} returns the CREATED transition. */
public final class MissionData {
    private final MissionRequestData request;
    private Instant now = TvmTestData.now();

    MissionData(FacilityId facilityId, ResidentId residentId, UserId createdBy) {
        this.request = new MissionRequestData(facilityId, residentId, createdBy);
    }

    public MissionData id(MissionId id) { request.id(id); return this; }
    public MissionData priority(MissionPriority priority) { request.priority(priority); return this; }
    public MissionData pickup(Place place) { request.pickup(place); return this; }
    public MissionData dropoff(Place place) { request.dropoff(place); return this; }
    public MissionData scheduledAt(Instant at) { request.scheduledAt(at); return this; }
    public MissionData notes(String notes) { request.notes(notes); return this; }
    /** The creation instant (mission createdAt and the CREATED event time). */
    public MissionData at(Instant now) { this.now = Objects.requireNonNull(now, "now"); return this; }

    /** @return the creation transition to pass to {@code MissionRepository.insert} */
    public MissionTransition build() { return Mission.request(request.build(), now); }

    /** @return just the new pending mission */
    public Mission buildMission() { return build().mission(); }
}
