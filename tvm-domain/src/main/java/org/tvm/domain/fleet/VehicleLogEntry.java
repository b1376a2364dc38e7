package org.tvm.domain.fleet;

import static org.tvm.domain.DomainChecks.instant;
import static org.tvm.domain.DomainChecks.optionalText;
import static org.tvm.domain.DomainChecks.required;
import static org.tvm.domain.DomainChecks.text;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.tvm.domain.DomainChecks;
import org.tvm.domain.json.JsonObject;
import org.tvm.domain.facility.FacilityId;

/** One line of a vehicle's diagnostic log; append-only, so it is immutable and has no id of its own. */
public final class VehicleLogEntry {
    private static final String E = "VehicleLogEntry";

    private final VehicleId vehicleId;
    private final FacilityId facilityId;
    private final LogLevel level;
    private final String code;
    private final String message;
    private final JsonObject details;
    private final Instant loggedAt;

    private VehicleLogEntry(Builder b) {
        this.vehicleId = required(E, "vehicleId", b.vehicleId);
        this.facilityId = required(E, "facilityId", b.facilityId);
        this.level = required(E, "level", b.level);
        this.code = optionalText(E, "code", b.code, "vehicle_logs.code");
        this.message = text(E, "message", b.message, "vehicle_logs.message");
        this.details = JsonObject.validated(b.details, E, "details");
        this.loggedAt = instant(E, "loggedAt", b.loggedAt);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().vehicleId(vehicleId).facilityId(facilityId).level(level).code(code).message(message)
                .detailsJson(details).loggedAt(loggedAt);
    }

    public VehicleId vehicleId() { return vehicleId; }
    public FacilityId facilityId() { return facilityId; }
    public LogLevel level() { return level; }
    public String code() { return code; }
    public String message() { return message; }
    /** Flat text view of {@link #detailsJson()} (see {@link JsonObject#asText()}). */
    public Map<String, String> details() { return details.asText(); }
    /** The stored {@code details} document: any JSON object within {@link JsonObject}'s limits, never null. */
    public JsonObject detailsJson() { return details; }
    public Instant loggedAt() { return loggedAt; }

    @Override
    public boolean equals(Object o) {
        return o instanceof VehicleLogEntry e && vehicleId.equals(e.vehicleId) && facilityId.equals(e.facilityId)
                && level == e.level && Objects.equals(code, e.code) && message.equals(e.message)
                && details.equals(e.details) && loggedAt.equals(e.loggedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(vehicleId, facilityId, level, code, message, details, loggedAt);
    }

    @Override
    public String toString() {
        return "VehicleLogEntry[" + loggedAt + " " + level + " " + vehicleId + (code != null ? " " + code : "") + ": " + message + "]";
    }

    /** Mutable assembly; {@link #build()} validates. */
    public static final class Builder {
        private VehicleId vehicleId;
        private FacilityId facilityId;
        private LogLevel level;
        private String code;
        private String message;
        private JsonObject details = JsonObject.empty();
        private Instant loggedAt;

        private Builder() {
        }

        public Builder vehicleId(VehicleId vehicleId) { this.vehicleId = vehicleId; return this; }
        public Builder facilityId(FacilityId facilityId) { this.facilityId = facilityId; return this; }
        public Builder level(LogLevel level) { this.level = level; return this; }
        public Builder code(String code) { this.code = code; return this; }
        public Builder message(String message) { this.message = message; return this; }
        /** Text-valued details: keys not blank, values not null. */
        public Builder details(Map<String, String> details) {
            this.details = JsonObject.of(DomainChecks.details(E, "details", details), E, "details");
            return this;
        }
        /** Any JSON object within {@link JsonObject}'s limits; null means empty. */
        public Builder detailsJson(JsonObject details) { this.details = details; return this; }
        public Builder loggedAt(Instant loggedAt) { this.loggedAt = loggedAt; return this; }

        public VehicleLogEntry build() {
            return new VehicleLogEntry(this);
        }
    }
}
