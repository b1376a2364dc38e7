package org.tvm.domain.fleet;

import static org.tvm.domain.DomainChecks.optionalInstant;
import static org.tvm.domain.DomainChecks.instant;
import static org.tvm.domain.DomainChecks.micros;
import static org.tvm.domain.DomainChecks.optionalText;
import static org.tvm.domain.DomainChecks.range;
import static org.tvm.domain.DomainChecks.required;
import static org.tvm.domain.DomainChecks.text;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.tvm.domain.DomainValidationException;
import org.tvm.domain.facility.FacilityId;
import org.tvm.domain.mission.MissionId;

/**
 * A wheelchair-transport robot. Carries an optimistic-lock {@code version} that the domain never
 * changes (adapters bump it on a successful update), so two dispatchers cannot silently overwrite
 * each other. Decimals are normalised to the column scale so stored and reloaded values are equal.
 */
public final class Vehicle {
    private static final String E = "Vehicle";

    /** A vehicle is online while its last heartbeat is younger than this (spec: alert if older than 5 minutes). */
    public static final Duration ONLINE_WINDOW = Duration.ofMinutes(5);

    private static final BigDecimal MAX_SPEED = new BigDecimal("99.9");
    private static final BigDecimal MAX_DISTANCE = new BigDecimal("99999999.99");

    private final VehicleId id;
    private final FacilityId facilityId;
    private final String name;
    private final String serialNumber;
    private final String model;
    private final String firmwareVersion;
    private final VehicleStatus status;
    private final MissionId currentMissionId;
    private final VehicleLocation currentLocation;
    private final Integer batteryLevel;
    private final Instant lastHeartbeat;
    private final int maxPayloadKg;
    private final BigDecimal maxSpeedMps;
    private final LocalDate lastMaintenanceDate;
    private final LocalDate nextMaintenanceDue;
    private final BigDecimal totalDistanceKm;
    private final int totalMissions;
    private final long version;
    private final Instant createdAt;
    private final Instant updatedAt;
    private final Instant deletedAt;

    private Vehicle(Builder b) {
        this.id = required(E, "id", b.id);
        this.facilityId = required(E, "facilityId", b.facilityId);
        this.name = text(E, "name", b.name, "vehicles.name");
        this.serialNumber = optionalText(E, "serialNumber", b.serialNumber, "vehicles.serial_number");
        this.model = optionalText(E, "model", b.model, "vehicles.model");
        this.firmwareVersion = optionalText(E, "firmwareVersion", b.firmwareVersion, "vehicles.firmware_version");
        this.status = required(E, "status", b.status);
        this.currentMissionId = b.currentMissionId;
        if (currentMissionId != null && (status == VehicleStatus.CHARGING || status == VehicleStatus.MAINTENANCE)) {
            // out of service while a resident waits for it: whichever way the status was set
            throw new DomainValidationException(E, "status",
                    "cannot be " + status.code() + " while bound to mission " + currentMissionId);
        }
        this.currentLocation = b.currentLocation;
        this.batteryLevel = range(E, "batteryLevel", b.batteryLevel, 0, 100);
        this.lastHeartbeat = optionalInstant(E, "lastHeartbeat", b.lastHeartbeat);
        if (b.maxPayloadKg <= 0) {
            throw new DomainValidationException(E, "maxPayloadKg", "must be greater than 0");
        }
        this.maxPayloadKg = b.maxPayloadKg;
        this.maxSpeedMps = required(E, "maxSpeedMps", b.maxSpeedMps).setScale(1, RoundingMode.HALF_UP);
        if (maxSpeedMps.signum() <= 0 || maxSpeedMps.compareTo(MAX_SPEED) > 0) {
            throw new DomainValidationException(E, "maxSpeedMps",
                    "must be greater than 0 and at most 99.9");
        }
        this.lastMaintenanceDate = b.lastMaintenanceDate;
        this.nextMaintenanceDue = b.nextMaintenanceDue;
        this.totalDistanceKm = required(E, "totalDistanceKm", b.totalDistanceKm).setScale(2, RoundingMode.HALF_UP);
        if (totalDistanceKm.signum() < 0 || totalDistanceKm.compareTo(MAX_DISTANCE) > 0) {
            throw new DomainValidationException(E, "totalDistanceKm",
                    "must be between 0 and 99999999.99");
        }
        if (b.totalMissions < 0) {
            throw new DomainValidationException(E, "totalMissions", "must not be negative");
        }
        this.totalMissions = b.totalMissions;
        if (b.version < 0) {
            throw new DomainValidationException(E, "version", "must not be negative (was " + b.version + ")");
        }
        this.version = b.version;
        this.createdAt = instant(E, "createdAt", b.createdAt);
        this.updatedAt = instant(E, "updatedAt", b.updatedAt);
        this.deletedAt = optionalInstant(E, "deletedAt", b.deletedAt);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().id(id).facilityId(facilityId).name(name).serialNumber(serialNumber).model(model)
                .firmwareVersion(firmwareVersion).status(status).currentMissionId(currentMissionId)
                .currentLocation(currentLocation).batteryLevel(batteryLevel).lastHeartbeat(lastHeartbeat)
                .maxPayloadKg(maxPayloadKg).maxSpeedMps(maxSpeedMps).lastMaintenanceDate(lastMaintenanceDate)
                .nextMaintenanceDue(nextMaintenanceDue).totalDistanceKm(totalDistanceKm).totalMissions(totalMissions)
                .version(version).createdAt(createdAt).updatedAt(updatedAt).deletedAt(deletedAt);
    }

    /** Online iff the last heartbeat is strictly younger than {@link #ONLINE_WINDOW} at {@code now}. */
    public boolean isOnline(Instant now) {
        Objects.requireNonNull(now, "now");
        return lastHeartbeat != null && lastHeartbeat.isAfter(now.minus(ONLINE_WINDOW));
    }

    /** A heartbeat at {@code at}; a null battery or location keeps the previous value (not every beat reports them). */
    public Vehicle heartbeat(Instant at, Integer battery, VehicleLocation location) {
        required(E, "lastHeartbeat", at);
        return toBuilder().lastHeartbeat(at)
                .batteryLevel(battery != null ? battery : batteryLevel)
                .currentLocation(location != null ? location : currentLocation)
                .build();
    }

    public Vehicle withStatus(VehicleStatus newStatus) {
        return toBuilder().status(required(E, "status", newStatus)).build();
    }

    /** Charging takes the vehicle out of service, so it must not be bound to a mission. */
    public Vehicle startCharging() {
        requireNoMission("charge");
        return withStatus(VehicleStatus.CHARGING);
    }

    /** Maintenance starting on {@code date}; like charging, not while bound to a mission. */
    public Vehicle enterMaintenance(LocalDate date) {
        required(E, "lastMaintenanceDate", date);
        requireNoMission("enter maintenance");
        return toBuilder().status(VehicleStatus.MAINTENANCE).lastMaintenanceDate(date).build();
    }

    /** Binds the vehicle to a mission it now drives to (dispatch). */
    public Vehicle assignedTo(MissionId missionId) {
        required(E, "currentMissionId", missionId);
        if (currentMissionId != null && !currentMissionId.equals(missionId)) {
            throw new DomainValidationException(E, "currentMissionId", "vehicle already has mission " + currentMissionId);
        }
        return toBuilder().currentMissionId(missionId).status(VehicleStatus.NAVIGATING).build();
    }

    /**
     * Frees the vehicle when its mission ended; counts the mission when it completed. A vehicle that
     * was driving becomes idle; charging/maintenance/error are left as they are.
     */
    public Vehicle released(boolean missionCompleted) {
        boolean driving = status == VehicleStatus.NAVIGATING || status == VehicleStatus.DOCKING;
        return toBuilder().currentMissionId(null).status(driving ? VehicleStatus.IDLE : status)
                .totalMissions(missionCompleted ? totalMissions + 1 : totalMissions).build();
    }

    /** Adds odometer distance (rounded to the column's 2 decimals). */
    public Vehicle addDistance(BigDecimal km) {
        required(E, "totalDistanceKm", km);
        if (km.signum() < 0) {
            throw new DomainValidationException(E, "totalDistanceKm", "added distance must not be negative");
        }
        return toBuilder().totalDistanceKm(totalDistanceKm.add(km)).build();
    }

    /** Marks the vehicle deleted at {@code at}; a second call keeps the first deletion time. */
    public Vehicle softDeleted(Instant at) {
        required(E, "deletedAt", at);
        return isDeleted() ? this : toBuilder().deletedAt(at).updatedAt(at).build();
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }

    private void requireNoMission(String what) {
        if (currentMissionId != null) {
            throw new DomainValidationException(E, "status", "cannot " + what + " while bound to mission " + currentMissionId);
        }
    }

    public VehicleId id() { return id; }
    public FacilityId facilityId() { return facilityId; }
    public String name() { return name; }
    public String serialNumber() { return serialNumber; }
    public String model() { return model; }
    public String firmwareVersion() { return firmwareVersion; }
    public VehicleStatus status() { return status; }
    public MissionId currentMissionId() { return currentMissionId; }
    public VehicleLocation currentLocation() { return currentLocation; }
    public Integer batteryLevel() { return batteryLevel; }
    public Instant lastHeartbeat() { return lastHeartbeat; }
    public int maxPayloadKg() { return maxPayloadKg; }
    public BigDecimal maxSpeedMps() { return maxSpeedMps; }
    public LocalDate lastMaintenanceDate() { return lastMaintenanceDate; }
    public LocalDate nextMaintenanceDue() { return nextMaintenanceDue; }
    public BigDecimal totalDistanceKm() { return totalDistanceKm; }
    public int totalMissions() { return totalMissions; }
    public long version() { return version; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    public Instant deletedAt() { return deletedAt; }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Vehicle v)) {
            return false;
        }
        return maxPayloadKg == v.maxPayloadKg && totalMissions == v.totalMissions && version == v.version
                && id.equals(v.id) && facilityId.equals(v.facilityId) && name.equals(v.name)
                && Objects.equals(serialNumber, v.serialNumber) && Objects.equals(model, v.model)
                && Objects.equals(firmwareVersion, v.firmwareVersion) && status == v.status
                && Objects.equals(currentMissionId, v.currentMissionId)
                && Objects.equals(currentLocation, v.currentLocation) && Objects.equals(batteryLevel, v.batteryLevel)
                && Objects.equals(lastHeartbeat, v.lastHeartbeat) && maxSpeedMps.equals(v.maxSpeedMps)
                && Objects.equals(lastMaintenanceDate, v.lastMaintenanceDate)
                && Objects.equals(nextMaintenanceDue, v.nextMaintenanceDue) && totalDistanceKm.equals(v.totalDistanceKm)
                && createdAt.equals(v.createdAt) && updatedAt.equals(v.updatedAt) && Objects.equals(deletedAt, v.deletedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, facilityId, name, serialNumber, model, firmwareVersion, status, currentMissionId,
                currentLocation, batteryLevel, lastHeartbeat, maxPayloadKg, maxSpeedMps, lastMaintenanceDate,
                nextMaintenanceDue, totalDistanceKm, totalMissions, version, createdAt, updatedAt, deletedAt);
    }

    @Override
    public String toString() {
        return "Vehicle[id=" + id + ", name=" + name + ", status=" + status + ", battery=" + batteryLevel
                + ", mission=" + currentMissionId + ", version=" + version + (deletedAt != null ? ", deleted" : "") + "]";
    }

    /**
     * Mutable assembly; {@link #build()} validates. Defaults: new UUIDv7 id, IDLE, 150 kg, 2.0 m/s,
     * 0.00 km, 0 missions, version 0.
     */
    public static final class Builder {
        private VehicleId id = VehicleId.newId();
        private FacilityId facilityId;
        private String name;
        private String serialNumber;
        private String model;
        private String firmwareVersion;
        private VehicleStatus status = VehicleStatus.IDLE;
        private MissionId currentMissionId;
        private VehicleLocation currentLocation;
        private Integer batteryLevel;
        private Instant lastHeartbeat;
        private int maxPayloadKg = 150;
        private BigDecimal maxSpeedMps = new BigDecimal("2.0");
        private LocalDate lastMaintenanceDate;
        private LocalDate nextMaintenanceDue;
        private BigDecimal totalDistanceKm = new BigDecimal("0.00");
        private int totalMissions;
        private long version;
        private Instant createdAt;
        private Instant updatedAt;
        private Instant deletedAt;

        private Builder() {
        }

        public Builder id(VehicleId id) { this.id = id; return this; }
        public Builder facilityId(FacilityId facilityId) { this.facilityId = facilityId; return this; }
        public Builder name(String name) { this.name = name; return this; }
        public Builder serialNumber(String serialNumber) { this.serialNumber = serialNumber; return this; }
        public Builder model(String model) { this.model = model; return this; }
        public Builder firmwareVersion(String firmwareVersion) { this.firmwareVersion = firmwareVersion; return this; }
        public Builder status(VehicleStatus status) { this.status = status; return this; }
        public Builder currentMissionId(MissionId currentMissionId) { this.currentMissionId = currentMissionId; return this; }
        public Builder currentLocation(VehicleLocation currentLocation) { this.currentLocation = currentLocation; return this; }
        public Builder batteryLevel(Integer batteryLevel) { this.batteryLevel = batteryLevel; return this; }
        public Builder lastHeartbeat(Instant lastHeartbeat) { this.lastHeartbeat = lastHeartbeat; return this; }
        public Builder maxPayloadKg(int maxPayloadKg) { this.maxPayloadKg = maxPayloadKg; return this; }
        public Builder maxSpeedMps(BigDecimal maxSpeedMps) { this.maxSpeedMps = maxSpeedMps; return this; }
        public Builder lastMaintenanceDate(LocalDate date) { this.lastMaintenanceDate = date; return this; }
        public Builder nextMaintenanceDue(LocalDate date) { this.nextMaintenanceDue = date; return this; }
        public Builder totalDistanceKm(BigDecimal totalDistanceKm) { this.totalDistanceKm = totalDistanceKm; return this; }
        public Builder totalMissions(int totalMissions) { this.totalMissions = totalMissions; return this; }
        public Builder version(long version) { this.version = version; return this; }
        public Builder createdAt(Instant createdAt) { this.createdAt = createdAt; return this; }
        public Builder updatedAt(Instant updatedAt) { this.updatedAt = updatedAt; return this; }
        public Builder deletedAt(Instant deletedAt) { this.deletedAt = deletedAt; return this; }
        /** Sets createdAt and updatedAt to the same instant (a new row). */
        public Builder timestamps(Instant now) { this.createdAt = now; this.updatedAt = now; return this; }

        public Vehicle build() {
            return new Vehicle(this);
        }
    }
}
