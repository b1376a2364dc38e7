package org.tvm.testkit.data;

import static org.tvm.testkit.data.TvmTestData.pointNearBase;
import static org.tvm.testkit.data.TvmTestData.unique;

import java.time.Instant;
import java.util.function.UnaryOperator;
import org.tvm.domain.GeoPoint;
import org.tvm.domain.facility.FacilityId;
import org.tvm.domain.facility.Location;
import org.tvm.domain.facility.LocationKind;

/** Location: unique name, kind ROOM, a point near {@link TvmTestData#BASE_POINT}, zone "north". */
public final class LocationData {
    private final Location.Builder b = Location.builder();

    LocationData(FacilityId facilityId) {
        b.facilityId(facilityId).name("Room " + unique()).kind(LocationKind.ROOM).point(pointNearBase(10, 20))
                .zone("north").timestamps(TvmTestData.now());
    }

    public LocationData name(String name) { b.name(name); return this; }
    public LocationData kind(LocationKind kind) { b.kind(kind); return this; }
    public LocationData point(GeoPoint point) { b.point(point); return this; }
    public LocationData zone(String zone) { b.zone(zone); return this; }
    public LocationData at(Instant now) { b.timestamps(now); return this; }
    public LocationData with(UnaryOperator<Location.Builder> f) { f.apply(b); return this; }
    public Location build() { return b.build(); }
}
