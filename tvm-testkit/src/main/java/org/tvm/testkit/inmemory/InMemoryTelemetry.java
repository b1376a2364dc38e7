package org.tvm.testkit.inmemory;

import static org.tvm.testkit.inmemory.InMemoryTransaction.nn;
import static org.tvm.testkit.inmemory.InMemoryVehicles.VEHICLES;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tvm.domain.fleet.Vehicle;
import org.tvm.domain.fleet.VehicleId;
import org.tvm.domain.telemetry.TelemetrySample;
import org.tvm.ports.TelemetryRepository;
import org.tvm.ports.UnknownReferenceException;
import org.tvm.ports.query.PageRequest;
import org.tvm.testkit.inmemory.Tenant.TelemetryRow;

final class InMemoryTelemetry implements TelemetryRepository {

    /** vehicle -> its telemetry rows in insertion order; {@link Tenant#latestTelemetry} is kept with it. */
    static final Tenant.Table<VehicleId, Rows<TelemetryRow>> TELEMETRY = Tenant.Table.plain("telemetry");

    /** Newest first: timestamp descending, then reverse insertion order. */
    static final Comparator<TelemetryRow> NEWEST_FIRST = Comparator
            .comparing((TelemetryRow r) -> r.sample().timestamp()).thenComparingLong(TelemetryRow::seq).reversed();

    private final InMemoryTransaction tx;

    InMemoryTelemetry(InMemoryTransaction tx) {
        this.tx = tx;
    }

    @Override
    public void append(List<TelemetrySample> samples) {
        nn(samples, "samples");
        for (TelemetrySample s : samples) {
            nn(s, "samples element");
        }
        tx.checkWritable("TelemetryRepository.append");
        for (TelemetrySample s : samples) {
            tx.requireContextFacility(s.facilityId(), "TelemetrySample");
        }
        if (samples.isEmpty()) {
            return;
        }
        Map<VehicleId, List<TelemetryRow>> rows = new java.util.LinkedHashMap<>();
        for (TelemetrySample s : samples) {
            rows.computeIfAbsent(s.vehicleId(), k -> new ArrayList<>()).add(new TelemetryRow(s, tx.store.nextSeq()));
        }
        tx.write(t -> {
            for (VehicleId v : rows.keySet()) {
                if (!t.rows(VEHICLES).containsKey(v)) {
                    throw new UnknownReferenceException("TelemetrySample", "fk_telemetry_vehicle", "vehicle_id");
                }
            }
            rows.forEach(t::appendTelemetry);
        });
    }

    @Override
    public List<TelemetrySample> range(VehicleId vehicleId, Instant fromInclusive, Instant toExclusive, int limit) {
        nn(vehicleId, "vehicleId");
        nn(fromInclusive, "fromInclusive");
        nn(toExclusive, "toExclusive");
        PageRequest.checkLimit(limit);
        InMemoryVehicles.checkWindow(fromInclusive, toExclusive);
        tx.check();
        List<TelemetryRow> hits = new ArrayList<>();
        for (TelemetryRow r : tx.view().rows(TELEMETRY).getOrDefault(vehicleId, Rows.empty())) {
            Instant ts = r.sample().timestamp();
            if (!ts.isBefore(fromInclusive) && ts.isBefore(toExclusive)) {
                hits.add(r);
            }
        }
        hits.sort(NEWEST_FIRST);
        List<TelemetrySample> out = new ArrayList<>();
        for (int i = 0; i < hits.size() && i < limit; i++) {
            out.add(hits.get(i).sample());
        }
        return Collections.unmodifiableList(out);
    }

    @Override
    public Optional<TelemetrySample> latest(VehicleId vehicleId) {
        nn(vehicleId, "vehicleId");
        tx.check();
        return latestOf(tx.view(), vehicleId).map(TelemetryRow::sample);
    }

    /** O(1): the tenant keeps the latest row per vehicle up to date on append and retention. */
    static Optional<TelemetryRow> latestOf(Tenant t, VehicleId vehicleId) {
        return Optional.ofNullable(t.latestTelemetry.get(vehicleId));
    }

    @Override
    public Map<VehicleId, TelemetrySample> latestPerVehicle() {
        tx.check();
        Tenant t = tx.view();
        Map<VehicleId, TelemetrySample> out = new HashMap<>();
        t.latestTelemetry.forEach((vid, row) -> {
            Vehicle v = t.rows(VEHICLES).get(vid);
            if (v != null && !v.isDeleted()) {
                out.put(vid, row.sample());
            }
        });
        return Collections.unmodifiableMap(out);
    }
}
