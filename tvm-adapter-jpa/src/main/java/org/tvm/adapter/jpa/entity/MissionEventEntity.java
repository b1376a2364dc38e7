package org.tvm.adapter.jpa.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * Row of {@code mission_events} (append-only), for reads: mapped to the domain by {@code EntityMapper}. Events are
 * written by {@code JpaMissionRepository.insertEvent}, one plain insert.
 */
@Entity
@Table(name = "mission_events")
public final class MissionEventEntity {

    /** bigserial: gives the insertion order used as tie-breaker. */
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    @Column(name = "facility_id", nullable = false)
    public UUID facilityId;
    @Column(name = "mission_id", nullable = false)
    public UUID missionId;
    @Column(name = "vehicle_id")
    public UUID vehicleId;
    @Column(name = "event_type", nullable = false, length = 50)
    public String eventType;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "details")
    public String details;  // JSON text; a String JSON attribute passes through Hibernate unchanged (JsonDetailsCodec)
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "created_by_user_id")
    public UUID createdByUserId;

}
