package org.tvm.adapter.mybatis.row;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.tvm.domain.facility.FacilityId;
import org.tvm.domain.facility.FacilityMap;
import org.tvm.domain.facility.MapId;

/** Flat MyBatis row: a maps row, with its own mapping (nothing sealed, no context needed). */
public final class MapRow {
    UUID id;
    UUID facilityId;
    String name;
    int version;
    Map<String, String> data;
    Instant createdAt;
    Instant updatedAt;

    public static MapRow of(FacilityMap m) {
        MapRow r = new MapRow();
        r.id = m.id().value();
        r.facilityId = m.facilityId().value();
        r.name = m.name();
        r.version = m.version();
        r.data = m.data();
        r.createdAt = m.createdAt();
        r.updatedAt = m.updatedAt();
        return r;
    }

    public FacilityMap toDomain() {
        return FacilityMap.of(MapId.of(id), FacilityId.of(facilityId), name, version, data, createdAt, updatedAt);
    }
}
