package org.tvm.adapter.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.locationtech.jts.geom.Point;

/** Row of {@code locations}. Package-private: mapped to and from the domain by {@link EntityMapper}. */
@Entity
@Table(name = "locations")
final class LocationEntity {

    @Id
    UUID id;
    @Column(name = "facility_id", nullable = false)
    UUID facilityId;
    @Column(name = "name", nullable = false, length = 200)
    String name;
    @Column(name = "kind", nullable = false, length = 30)
    String kind;
    /** geography(Point,4326) on PostgreSQL, GEOMETRY(POINT,4326) on H2 (see {@link SqlDialect}). */
    @JdbcTypeCode(SqlTypes.GEOGRAPHY)
    @Column(name = "coordinates", nullable = false)
    Point coordinates;
    @Column(name = "zone", length = 100)
    String zone;
    @Column(name = "created_at", nullable = false)
    Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

}
