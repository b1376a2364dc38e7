package org.tvm.adapter.mybatis.repository;

import static java.util.Objects.requireNonNull;

import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tvm.adapter.mybatis.mapper.TelemetryMapper;
import org.tvm.adapter.mybatis.mapping.RowMapper;
import org.tvm.adapter.mybatis.row.TelemetryRow;
import org.tvm.adapter.mybatis.support.Jdbc;
import org.tvm.adapter.sql.TelemetryBulkWriter;
import org.tvm.domain.fleet.VehicleId;
import org.tvm.domain.telemetry.TelemetrySample;
import org.tvm.ports.TelemetryRepository;
import org.tvm.ports.query.PageRequest;

/**
 * Telemetry. Bulk append through the shared {@link TelemetryBulkWriter} (PostgreSQL: streamed COPY into a staging
 * table + one INSERT ... SELECT, as RLS forbids COPY into the table itself; H2: JDBC batches).
 */
final class MyBatisTelemetryRepository implements TelemetryRepository {

    private static final String E = "TelemetrySample";
    private final MyBatisTransaction tx;
    private final TelemetryMapper mapper;

    MyBatisTelemetryRepository(MyBatisTransaction tx) {
        this.tx = tx;
        this.mapper = tx.mapper(TelemetryMapper.class);
    }

    @Override
    public void append(List<TelemetrySample> samples) {
        requireNonNull(samples, "samples");
        for (TelemetrySample s : samples) {
            requireNonNull(s, "samples must not contain null");
        }
        tx.checkWritable("TelemetryRepository.append");
        for (TelemetrySample s : samples) {
            tx.requireContextFacility(s.facilityId(), E);
        }
        if (samples.isEmpty()) {
            return;
        }
        tx.write(E, "TelemetryRepository.append", () -> {
            try {
                TelemetryBulkWriter.append(tx.session.getConnection(), samples);
            } catch (SQLException e) {
                throw new Jdbc.SqlFailure(e);
            }
        });
    }

    @Override
    public List<TelemetrySample> range(VehicleId vehicleId, Instant fromInclusive, Instant toExclusive, int limit) {
        requireNonNull(vehicleId, "vehicleId");
        requireNonNull(fromInclusive, "fromInclusive");
        requireNonNull(toExclusive, "toExclusive");
        PageRequest.checkLimit(limit);
        if (fromInclusive.isAfter(toExclusive)) {
            throw new IllegalArgumentException("fromInclusive must not be after toExclusive");
        }
        return tx.read(E, () -> mapper.range(tx.facility(), vehicleId.value(), fromInclusive, toExclusive, limit)
                .stream().map(RowMapper::telemetry).toList());
    }

    @Override
    public Optional<TelemetrySample> latest(VehicleId vehicleId) {
        requireNonNull(vehicleId, "vehicleId");
        return tx.read(E, () -> Optional.ofNullable(mapper.latest(tx.facility(), vehicleId.value()))
                .map(RowMapper::telemetry));
    }

    @Override
    public Map<VehicleId, TelemetrySample> latestPerVehicle() {
        return tx.read(E, () -> {
            Map<VehicleId, TelemetrySample> out = new HashMap<>();
            for (TelemetryRow r : mapper.latestPerVehicle(tx.facility())) {
                TelemetrySample s = RowMapper.telemetry(r);
                out.put(s.vehicleId(), s);
            }
            return Map.copyOf(out);
        });
    }
}
