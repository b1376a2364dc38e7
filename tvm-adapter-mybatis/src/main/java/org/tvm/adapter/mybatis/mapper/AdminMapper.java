package org.tvm.adapter.mybatis.mapper;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

public interface AdminMapper {

    Integer ensureTelemetryPartitions(LocalDate fromMonth, LocalDate toMonth);

    List<String> dropTelemetryPartitionsBefore(LocalDate month);

    int deleteTelemetryBefore(Instant cutoff);

    /** Bulk restatement of {@code Resident.anonymised} (see the mapper XML): change both together. */
    int anonymiseResidentsDeletedBefore(Instant cutoff);

    int refreshMissionSummary();
}
