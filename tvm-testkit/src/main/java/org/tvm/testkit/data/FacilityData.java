package org.tvm.testkit.data;

import static org.tvm.testkit.data.TvmTestData.unique;

import java.time.Instant;
import java.time.ZoneId;
import java.util.function.UnaryOperator;
import org.tvm.domain.facility.Facility;
import org.tvm.domain.facility.FacilityId;

/** Facility: unique name, an address, time zone Europe/Berlin. */
public final class FacilityData {
    private final Facility.Builder b = Facility.builder();

    FacilityData() {
        b.name("Facility " + unique()).address("Hauptstrasse 1, 10115 Berlin").timezone(ZoneId.of("Europe/Berlin"))
                .timestamps(TvmTestData.now());
    }

    public FacilityData id(FacilityId id) { b.id(id); return this; }
    public FacilityData name(String name) { b.name(name); return this; }
    public FacilityData address(String address) { b.address(address); return this; }
    public FacilityData timezone(ZoneId zone) { b.timezone(zone); return this; }
    public FacilityData at(Instant now) { b.timestamps(now); return this; }
    public FacilityData with(UnaryOperator<Facility.Builder> f) { f.apply(b); return this; }
    public Facility build() { return b.build(); }
}
