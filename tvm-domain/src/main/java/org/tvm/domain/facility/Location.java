package org.tvm.domain.facility;

import static org.tvm.domain.DomainChecks.instant;
import static org.tvm.domain.DomainChecks.optionalText;
import static org.tvm.domain.DomainChecks.required;
import static org.tvm.domain.DomainChecks.text;

import java.time.Instant;
import java.util.Objects;
import org.tvm.domain.GeoPoint;

/**
 * A named, geo-referenced place of a facility (room, entrance, charger) that missions pick up from
 * or drop off at; kept apart from missions so names and coordinates are maintained once.
 */
public final class Location {
    private static final String E = "Location";

    private final LocationId id;
    private final FacilityId facilityId;
    private final String name;
    private final LocationKind kind;
    private final GeoPoint point;
    private final String zone;
    private final Instant createdAt;
    private final Instant updatedAt;

    private Location(Builder b) {
        this.id = required(E, "id", b.id);
        this.facilityId = required(E, "facilityId", b.facilityId);
        this.name = text(E, "name", b.name, "locations.name");
        this.kind = required(E, "kind", b.kind);
        this.point = required(E, "point", b.point);
        this.zone = optionalText(E, "zone", b.zone, "locations.zone");
        this.createdAt = instant(E, "createdAt", b.createdAt);
        this.updatedAt = instant(E, "updatedAt", b.updatedAt);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().id(id).facilityId(facilityId).name(name).kind(kind).point(point).zone(zone)
                .createdAt(createdAt).updatedAt(updatedAt);
    }

    public LocationId id() { return id; }
    public FacilityId facilityId() { return facilityId; }
    public String name() { return name; }
    public LocationKind kind() { return kind; }
    public GeoPoint point() { return point; }
    public String zone() { return zone; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }

    @Override
    public boolean equals(Object o) {
        return o instanceof Location l && id.equals(l.id) && facilityId.equals(l.facilityId) && name.equals(l.name)
                && kind == l.kind && point.equals(l.point) && Objects.equals(zone, l.zone)
                && createdAt.equals(l.createdAt) && updatedAt.equals(l.updatedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, facilityId, name, kind, point, zone, createdAt, updatedAt);
    }

    @Override
    public String toString() {
        return "Location[id=" + id + ", name=" + name + ", kind=" + kind + ", point=" + point + "]";
    }

    /** Mutable assembly; {@link #build()} validates. Id defaults to a new UUIDv7. */
    public static final class Builder {
        private LocationId id = LocationId.newId();
        private FacilityId facilityId;
        private String name;
        private LocationKind kind;
        private GeoPoint point;
        private String zone;
        private Instant createdAt;
        private Instant updatedAt;

        private Builder() {
        }

        public Builder id(LocationId id) { this.id = id; return this; }
        public Builder facilityId(FacilityId facilityId) { this.facilityId = facilityId; return this; }
        public Builder name(String name) { this.name = name; return this; }
        public Builder kind(LocationKind kind) { this.kind = kind; return this; }
        public Builder point(GeoPoint point) { this.point = point; return this; }
        public Builder zone(String zone) { this.zone = zone; return this; }
        public Builder createdAt(Instant createdAt) { this.createdAt = createdAt; return this; }
        public Builder updatedAt(Instant updatedAt) { this.updatedAt = updatedAt; return this; }
        /** Sets createdAt and updatedAt to the same instant (a new row). */
        public Builder timestamps(Instant now) { this.createdAt = now; this.updatedAt = now; return this; }

        public Location build() {
            return new Location(this);
        }
    }
}
