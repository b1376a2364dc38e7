package org.tvm.adapter.jpa.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.locationtech.jts.geom.Point;

/** Row of {@code locations}. Mapped to and from the domain by {@code EntityMapper}. */
@Entity
@Table(name = "locations")
public final class LocationEntity {

    @Id
    public UUID id;
    @Column(name = "facility_id", nullable = false)
    public UUID facilityId;
    @Column(name = "name", nullable = false, length = 200)
    public String name;
    @Column(name = "kind", nullable = false, length = 30)
    public String kind;
    /** geography(Point,4326) on PostgreSQL, GEOMETRY(POINT,4326) on H2 (see {@code SqlDialect}). */
    @JdbcTypeCode(SqlTypes.GEOGRAPHY)
    @Column(name = "coordinates", nullable = false)
    public Point coordinates;
    @Column(name = "zone", length = 100)
    public String zone;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

}
