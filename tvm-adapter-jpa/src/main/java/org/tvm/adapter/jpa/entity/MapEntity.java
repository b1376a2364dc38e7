package org.tvm.adapter.jpa.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.tvm.domain.facility.FacilityId;
import org.tvm.domain.facility.FacilityMap;
import org.tvm.domain.facility.MapId;

/** Row of {@code maps}, with its own mapping (nothing sealed, no context needed). */
@Entity
@Table(name = "maps")
public final class MapEntity {

    @Id
    UUID id;
    @Column(name = "facility_id", nullable = false)
    UUID facilityId;
    @Column(name = "name", nullable = false, length = 200)
    String name;
    @Column(name = "version", nullable = false)
    int version;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "data", nullable = false)
    Map<String, String> data;
    @Column(name = "created_at", nullable = false)
    Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    public static MapEntity of(FacilityMap m) {
        MapEntity e = new MapEntity();
        e.id = m.id().value();
        e.facilityId = m.facilityId().value();
        e.name = m.name();
        e.version = m.version();
        e.data = m.data();
        e.createdAt = m.createdAt();
        e.updatedAt = m.updatedAt();
        return e;
    }

    public FacilityMap toDomain() {
        return FacilityMap.of(MapId.of(id), FacilityId.of(facilityId), name, version, data, createdAt, updatedAt);
    }
}
