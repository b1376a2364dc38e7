package org.tvm.testkit.data;

import java.time.Instant;
import org.tvm.domain.access.UserId;
import org.tvm.domain.audit.DataAccessEntry;
import org.tvm.domain.audit.DataAccessType;
import org.tvm.domain.facility.FacilityId;
import org.tvm.domain.resident.ResidentId;

/** Data-access entry: EXPORT by the system (no user) at the builder's creation instant. */
public final class DataAccessData {
    private final FacilityId facilityId;
    private final ResidentId residentId;
    private UserId userId;
    private DataAccessType type = DataAccessType.EXPORT;
    private Instant at = TvmTestData.now();

    DataAccessData(FacilityId facilityId, ResidentId residentId) {
        this.facilityId = facilityId;
        this.residentId = residentId;
    }

    public DataAccessData user(UserId userId) { this.userId = userId; return this; }
    public DataAccessData type(DataAccessType type) { this.type = type; return this; }
    public DataAccessData at(Instant at) { this.at = at; return this; }
    public DataAccessEntry build() { return new DataAccessEntry(facilityId, userId, residentId, type, at); }
}
