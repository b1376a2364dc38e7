package org.tvm.domain.audit;

import java.time.Instant;
import org.tvm.domain.DomainChecks;
import org.tvm.domain.access.UserId;
import org.tvm.domain.facility.FacilityId;
import org.tvm.domain.resident.ResidentId;

/**
 * Who touched which resident's personal data and how (GDPR access log); written by the repositories
 * in the same transaction as the read. {@code userId} is null for system access.
 */
public record DataAccessEntry(FacilityId facilityId, UserId userId, ResidentId residentId, DataAccessType accessType,
                              Instant accessedAt) {

    public DataAccessEntry {
        DomainChecks.required("DataAccessEntry", "facilityId", facilityId);
        DomainChecks.required("DataAccessEntry", "residentId", residentId);
        DomainChecks.required("DataAccessEntry", "accessType", accessType);
        accessedAt = DomainChecks.instant("DataAccessEntry", "accessedAt", accessedAt);
    }
}
