package org.tvm.domain.telemetry;

import static org.tvm.domain.DomainChecks.instant;
import static org.tvm.domain.DomainChecks.range;
import static org.tvm.domain.DomainChecks.required;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.tvm.domain.DomainChecks;
import org.tvm.domain.DomainValidationException;
import org.tvm.domain.GeoPoint;
import org.tvm.domain.facility.FacilityId;
import org.tvm.domain.fleet.VehicleId;

/**
 * One time-series reading from a vehicle (position, motion, battery, sensors, system load).
 * Decimal readings are rounded to 2 decimals at construction, matching the NUMERIC(p,2) columns, so a
 * stored and reloaded sample compares equal; ranges are those the columns can hold.
 */
public final class TelemetrySample {
    private static final String E = "TelemetrySample";

    private final VehicleId vehicleId;
    private final FacilityId facilityId;
    private final Instant timestamp;
    private final GeoPoint position;
    private final Double heading;
    private final Double speedMps;
    private final Double accelerationMps2;
    private final Integer batteryLevel;
    private final Double batteryVoltage;
    private final Double batteryCurrent;
    private final SensorStatus lidarStatus;
    private final SensorStatus cameraStatus;
    private final SensorStatus imuStatus;
    private final Integer cpuUsage;
    private final Integer memoryUsageMb;
    private final Integer diskUsage;
    private final List<String> errorCodes;

    private TelemetrySample(Builder b) {
        this.vehicleId = required(E, "vehicleId", b.vehicleId);
        this.facilityId = required(E, "facilityId", b.facilityId);
        this.timestamp = instant(E, "timestamp", b.timestamp);
        this.position = b.position;
        this.heading = decimal("heading", b.heading);
        if (heading != null && (heading < 0 || heading > 360)) {
            throw new DomainValidationException(E, "heading", "must be between 0 and 360");
        }
        this.speedMps = bounded("speedMps", b.speedMps, 100);
        this.accelerationMps2 = bounded("accelerationMps2", b.accelerationMps2, 100);
        this.batteryLevel = range(E, "batteryLevel", b.batteryLevel, 0, 100);
        this.batteryVoltage = bounded("batteryVoltage", b.batteryVoltage, 1000);
        this.batteryCurrent = bounded("batteryCurrent", b.batteryCurrent, 10000);
        this.lidarStatus = b.lidarStatus;
        this.cameraStatus = b.cameraStatus;
        this.imuStatus = b.imuStatus;
        this.cpuUsage = range(E, "cpuUsage", b.cpuUsage, 0, 100);
        this.memoryUsageMb = range(E, "memoryUsageMb", b.memoryUsageMb, 0, Integer.MAX_VALUE);
        this.diskUsage = range(E, "diskUsage", b.diskUsage, 0, 100);
        this.errorCodes = errorCodes(b.errorCodes);
    }

    /** Rounds to 2 decimals the way NUMERIC(p,2) stores it, so equality survives a round trip. */
    static Double round2(double value) {
        double r = Math.round(value * 100) / 100.0;
        return r == 0.0 ? 0.0 : r; // no -0.0
    }

    private static Double decimal(String field, Double value) {
        if (value == null) {
            return null;
        }
        if (!Double.isFinite(value)) {
            throw new DomainValidationException(E, field, "must be a finite number");
        }
        return round2(value);
    }

    /** |rounded value| must stay below {@code limit} (the column precision's exclusive bound). */
    private static Double bounded(String field, Double value, double limit) {
        Double r = decimal(field, value);
        if (r != null && Math.abs(r) >= limit) {
            throw new DomainValidationException(E, field,
                    "must be greater than -" + (long) limit + " and less than " + (long) limit);
        }
        return r;
    }

    private static List<String> errorCodes(List<String> codes) {
        if (codes == null || codes.isEmpty()) {
            return List.of();
        }
        List<String> copy = new ArrayList<>(codes.size());
        for (String c : codes) {
            if (c == null || c.isBlank() || c.length() > 100) {
                throw new DomainValidationException(E, "errorCodes",
                        "each code must be 1..100 non-blank characters" + (c == null ? " (was null)" : ""));
            }
            copy.add(DomainChecks.storable(E, "errorCodes", c));
        }
        return Collections.unmodifiableList(copy);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().vehicleId(vehicleId).facilityId(facilityId).timestamp(timestamp).position(position)
                .heading(heading).speedMps(speedMps).accelerationMps2(accelerationMps2).batteryLevel(batteryLevel)
                .batteryVoltage(batteryVoltage).batteryCurrent(batteryCurrent).lidarStatus(lidarStatus)
                .cameraStatus(cameraStatus).imuStatus(imuStatus).cpuUsage(cpuUsage).memoryUsageMb(memoryUsageMb)
                .diskUsage(diskUsage).errorCodes(errorCodes);
    }

    public VehicleId vehicleId() { return vehicleId; }
    public FacilityId facilityId() { return facilityId; }
    public Instant timestamp() { return timestamp; }
    public GeoPoint position() { return position; }
    public Double heading() { return heading; }
    public Double speedMps() { return speedMps; }
    public Double accelerationMps2() { return accelerationMps2; }
    public Integer batteryLevel() { return batteryLevel; }
    public Double batteryVoltage() { return batteryVoltage; }
    public Double batteryCurrent() { return batteryCurrent; }
    public SensorStatus lidarStatus() { return lidarStatus; }
    public SensorStatus cameraStatus() { return cameraStatus; }
    public SensorStatus imuStatus() { return imuStatus; }
    public Integer cpuUsage() { return cpuUsage; }
    public Integer memoryUsageMb() { return memoryUsageMb; }
    public Integer diskUsage() { return diskUsage; }
    /** Immutable, possibly empty, never null. */
    public List<String> errorCodes() { return errorCodes; }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof TelemetrySample t)) {
            return false;
        }
        return vehicleId.equals(t.vehicleId) && facilityId.equals(t.facilityId) && timestamp.equals(t.timestamp)
                && Objects.equals(position, t.position) && Objects.equals(heading, t.heading)
                && Objects.equals(speedMps, t.speedMps) && Objects.equals(accelerationMps2, t.accelerationMps2)
                && Objects.equals(batteryLevel, t.batteryLevel) && Objects.equals(batteryVoltage, t.batteryVoltage)
                && Objects.equals(batteryCurrent, t.batteryCurrent) && lidarStatus == t.lidarStatus
                && cameraStatus == t.cameraStatus && imuStatus == t.imuStatus && Objects.equals(cpuUsage, t.cpuUsage)
                && Objects.equals(memoryUsageMb, t.memoryUsageMb) && Objects.equals(diskUsage, t.diskUsage)
                && errorCodes.equals(t.errorCodes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(vehicleId, facilityId, timestamp, position, heading, speedMps, accelerationMps2,
                batteryLevel, batteryVoltage, batteryCurrent, lidarStatus, cameraStatus, imuStatus, cpuUsage,
                memoryUsageMb, diskUsage, errorCodes);
    }

    @Override
    public String toString() {
        return "TelemetrySample[vehicle=" + vehicleId + ", at=" + timestamp + ", position=" + position + ", speed="
                + speedMps + ", battery=" + batteryLevel + ", errors=" + errorCodes + "]";
    }

    /** Mutable assembly; {@link #build()} validates and rounds. */
    public static final class Builder {
        private VehicleId vehicleId;
        private FacilityId facilityId;
        private Instant timestamp;
        private GeoPoint position;
        private Double heading;
        private Double speedMps;
        private Double accelerationMps2;
        private Integer batteryLevel;
        private Double batteryVoltage;
        private Double batteryCurrent;
        private SensorStatus lidarStatus;
        private SensorStatus cameraStatus;
        private SensorStatus imuStatus;
        private Integer cpuUsage;
        private Integer memoryUsageMb;
        private Integer diskUsage;
        private List<String> errorCodes = List.of();

        private Builder() {
        }

        public Builder vehicleId(VehicleId vehicleId) { this.vehicleId = vehicleId; return this; }
        public Builder facilityId(FacilityId facilityId) { this.facilityId = facilityId; return this; }
        public Builder timestamp(Instant timestamp) { this.timestamp = timestamp; return this; }
        public Builder position(GeoPoint position) { this.position = position; return this; }
        public Builder heading(Double heading) { this.heading = heading; return this; }
        public Builder speedMps(Double speedMps) { this.speedMps = speedMps; return this; }
        public Builder accelerationMps2(Double accelerationMps2) { this.accelerationMps2 = accelerationMps2; return this; }
        public Builder batteryLevel(Integer batteryLevel) { this.batteryLevel = batteryLevel; return this; }
        public Builder batteryVoltage(Double batteryVoltage) { this.batteryVoltage = batteryVoltage; return this; }
        public Builder batteryCurrent(Double batteryCurrent) { this.batteryCurrent = batteryCurrent; return this; }
        public Builder lidarStatus(SensorStatus lidarStatus) { this.lidarStatus = lidarStatus; return this; }
        public Builder cameraStatus(SensorStatus cameraStatus) { this.cameraStatus = cameraStatus; return this; }
        public Builder imuStatus(SensorStatus imuStatus) { this.imuStatus = imuStatus; return this; }
        public Builder cpuUsage(Integer cpuUsage) { this.cpuUsage = cpuUsage; return this; }
        public Builder memoryUsageMb(Integer memoryUsageMb) { this.memoryUsageMb = memoryUsageMb; return this; }
        public Builder diskUsage(Integer diskUsage) { this.diskUsage = diskUsage; return this; }
        /** Null is treated as "no errors" (a NULL array column). */
        public Builder errorCodes(List<String> errorCodes) { this.errorCodes = errorCodes; return this; }

        public TelemetrySample build() {
            return new TelemetrySample(this);
        }
    }
}
