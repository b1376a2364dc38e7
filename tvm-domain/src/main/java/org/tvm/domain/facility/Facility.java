package org.tvm.domain.facility;

import static org.tvm.domain.DomainChecks.instant;
import static org.tvm.domain.DomainChecks.optionalText;
import static org.tvm.domain.DomainChecks.required;
import static org.tvm.domain.DomainChecks.text;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A care facility: the tenant boundary. Every facility-owned row carries its id, and its time zone
 * is what "today" means for schedules shown to staff.
 */
public final class Facility {
    private static final String E = "Facility";

    private final FacilityId id;
    private final String name;
    private final String address;
    private final ZoneId timezone;
    private final Instant createdAt;
    private final Instant updatedAt;

    private Facility(Builder b) {
        this.id = required(E, "id", b.id);
        this.name = text(E, "name", b.name, "facilities.name");
        this.address = optionalText(E, "address", b.address, "facilities.address");
        this.timezone = required(E, "timezone", b.timezone);
        this.createdAt = instant(E, "createdAt", b.createdAt);
        this.updatedAt = instant(E, "updatedAt", b.updatedAt);
    }

    /** A new facility with a fresh id, created and updated at {@code now}. */
    public static Facility create(String name, String address, ZoneId timezone, Instant now) {
        return builder().name(name).address(address).timezone(timezone).timestamps(now).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().id(id).name(name).address(address).timezone(timezone)
                .createdAt(createdAt).updatedAt(updatedAt);
    }

    public FacilityId id() { return id; }
    public String name() { return name; }
    public String address() { return address; }
    public ZoneId timezone() { return timezone; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }

    @Override
    public boolean equals(Object o) {
        return o instanceof Facility f && id.equals(f.id) && name.equals(f.name) && Objects.equals(address, f.address)
                && timezone.equals(f.timezone) && createdAt.equals(f.createdAt) && updatedAt.equals(f.updatedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, name, address, timezone, createdAt, updatedAt);
    }

    @Override
    public String toString() {
        return "Facility[id=" + id + ", name=" + name + ", timezone=" + timezone + "]";
    }

    /** Mutable assembly; {@link #build()} validates. Id defaults to a new UUIDv7. */
    public static final class Builder {
        private FacilityId id = FacilityId.newId();
        private String name;
        private String address;
        private ZoneId timezone;
        private Instant createdAt;
        private Instant updatedAt;

        private Builder() {
        }

        public Builder id(FacilityId id) { this.id = id; return this; }
        public Builder name(String name) { this.name = name; return this; }
        public Builder address(String address) { this.address = address; return this; }
        public Builder timezone(ZoneId timezone) { this.timezone = timezone; return this; }
        public Builder createdAt(Instant createdAt) { this.createdAt = createdAt; return this; }
        public Builder updatedAt(Instant updatedAt) { this.updatedAt = updatedAt; return this; }
        /** Sets createdAt and updatedAt to the same instant (a new row). */
        public Builder timestamps(Instant now) { this.createdAt = now; this.updatedAt = now; return this; }

        public Facility build() {
            return new Facility(this);
        }
    }
}
