package org.tvm.testkit.data;

import static org.tvm.testkit.data.TvmTestData.unique;

import java.time.Instant;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.tvm.domain.facility.FacilityId;
import org.tvm.domain.fleet.LogLevel;
import org.tvm.domain.fleet.Vehicle;
import org.tvm.domain.fleet.VehicleId;
import org.tvm.domain.fleet.VehicleLogEntry;

/** Vehicle log entry: INFO, code "NAV_OK", a message, details {"zone": "north"}. */
public final class VehicleLogData {
    private final VehicleLogEntry.Builder b = VehicleLogEntry.builder();

    VehicleLogData(FacilityId facilityId, VehicleId vehicleId) {
        b.facilityId(facilityId).vehicleId(vehicleId).level(LogLevel.INFO).code("NAV_OK")
                .message("Navigation step completed " + unique()).details(Map.of("zone", "north"))
                .loggedAt(TvmTestData.now());
    }

    public VehicleLogData at(Instant loggedAt) { b.loggedAt(loggedAt); return this; }
    public VehicleLogData level(LogLevel level) { b.level(level); return this; }
    public VehicleLogData message(String message) { b.message(message); return this; }
    public VehicleLogData with(UnaryOperator<VehicleLogEntry.Builder> f) { f.apply(b); return this; }
    public VehicleLogEntry build() { return b.build(); }
}
