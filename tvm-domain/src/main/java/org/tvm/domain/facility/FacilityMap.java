package org.tvm.domain.facility;

import static org.tvm.domain.DomainChecks.instant;
import static org.tvm.domain.DomainChecks.required;
import static org.tvm.domain.DomainChecks.text;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.tvm.domain.DomainChecks;
import org.tvm.domain.DomainValidationException;

/**
 * A version of a facility's map (zones, paths, no-go areas) that the robots navigate by. Maps are never edited in
 * place: a change is published as the next version of the same name, so a mission can always be traced to the map it
 * drove on. The payload is a set of named string properties (each value typically a GeoJSON fragment).
 */
public final class FacilityMap {
    private static final String E = "FacilityMap";

    /** Longest map name (the column's length). */
    public static final int NAME_MAX = 200;

    private final MapId id;
    private final FacilityId facilityId;
    private final String name;
    private final int version;
    private final Map<String, String> data;
    private final Instant createdAt;
    private final Instant updatedAt;

    private FacilityMap(MapId id, FacilityId facilityId, String name, int version, Map<String, String> data,
            Instant createdAt, Instant updatedAt) {
        this.id = required(E, "id", id);
        this.facilityId = required(E, "facilityId", facilityId);
        this.name = text(E, "name", name, NAME_MAX);
        if (version < 1) {
            throw new DomainValidationException(E, "version", "must be at least 1 (was " + version + ")");
        }
        this.version = version;
        this.data = DomainChecks.details(E, "data", required(E, "data", data));
        this.createdAt = instant(E, "createdAt", createdAt);
        this.updatedAt = instant(E, "updatedAt", updatedAt);
    }

    /** The first version (1) of a new map named {@code name}. */
    public static FacilityMap first(FacilityId facilityId, String name, Map<String, String> data, Instant now) {
        return new FacilityMap(MapId.newId(), facilityId, name, 1, data, now, now);
    }

    /** A stored map as it is (adapters rehydrating rows); every invariant is checked. */
    public static FacilityMap of(MapId id, FacilityId facilityId, String name, int version, Map<String, String> data,
            Instant createdAt, Instant updatedAt) {
        return new FacilityMap(id, facilityId, name, version, data, createdAt, updatedAt);
    }

    /** The next version of this map (a new row with a new id) carrying {@code data}. */
    public FacilityMap nextVersion(Map<String, String> newData, Instant now) {
        return new FacilityMap(MapId.newId(), facilityId, name, version + 1, newData, now, now);
    }

    public MapId id() { return id; }
    public FacilityId facilityId() { return facilityId; }
    public String name() { return name; }
    public int version() { return version; }
    /** @return the unmodifiable payload */
    public Map<String, String> data() { return data; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }

    @Override
    public boolean equals(Object o) {
        return o instanceof FacilityMap m && version == m.version && id.equals(m.id) && facilityId.equals(m.facilityId)
                && name.equals(m.name) && data.equals(m.data) && createdAt.equals(m.createdAt)
                && updatedAt.equals(m.updatedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, facilityId, name, version, data, createdAt, updatedAt);
    }

    @Override
    public String toString() {
        return "FacilityMap[id=" + id + ", name=" + name + ", version=" + version + "]";
    }
}
