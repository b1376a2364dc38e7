package org.tvm.adapter.jpa.repository;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.tvm.adapter.jpa.entity.TelemetryEntity;
import org.tvm.adapter.sql.TelemetryBulkWriter;
import org.tvm.adapter.jpa.mapping.LogEntityMapper;
import org.tvm.domain.fleet.VehicleId;
import org.tvm.domain.telemetry.TelemetrySample;
import org.tvm.ports.TelemetryRepository;
import org.tvm.ports.query.PageRequest;

/**
 * {@link TelemetryRepository}: bulk append through the shared {@link TelemetryBulkWriter} on the transaction's own
 * connection (never entity-by-entity persist), so it is all-or-nothing with the unit of work and row-level security
 * applies; reads through the read-only entity.
 */
final class JpaTelemetryRepository implements TelemetryRepository {

    private final JpaTransaction tx;

    JpaTelemetryRepository(JpaTransaction tx) {
        this.tx = tx;
    }

    @Override
    public void append(List<TelemetrySample> samples) {
        Objects.requireNonNull(samples, "samples");
        samples.forEach(s -> Objects.requireNonNull(s, "samples must not contain null"));
        tx.checkWritable("TelemetryRepository.append");
        samples.forEach(s -> tx.requireContextFacility(s.facilityId(), "TelemetrySample"));
        if (samples.isEmpty()) {
            return;
        }
        tx.writeVoid("TelemetrySample", () -> tx.session().doWork(connection -> TelemetryBulkWriter.append(connection, samples)));
    }

    @Override
    public List<TelemetrySample> range(VehicleId vehicleId, Instant fromInclusive, Instant toExclusive, int limit) {
        Objects.requireNonNull(vehicleId, "vehicleId");
        Objects.requireNonNull(fromInclusive, "fromInclusive");
        Objects.requireNonNull(toExclusive, "toExclusive");
        JpaVehicleRepository.checkWindow(fromInclusive, toExclusive);
        PageRequest.checkLimit(limit);
        return tx.read("TelemetrySample", () -> tx.session().createSelectionQuery("from TelemetryEntity t "
                        + "where t.vehicleId = :v and t.facilityId = :f and t.timestamp >= :from and t.timestamp < :to "
                        + "order by t.timestamp desc, t.id desc", TelemetryEntity.class)
                .setParameter("v", vehicleId.value()).setParameter("f", tx.facility()).setParameter("from", fromInclusive)
                .setParameter("to", toExclusive).setMaxResults(limit).setReadOnly(true).getResultList().stream()
                .map(LogEntityMapper::toDomain).toList());
    }

    @Override
    public Optional<TelemetrySample> latest(VehicleId vehicleId) {
        Objects.requireNonNull(vehicleId, "vehicleId");
        return tx.read("TelemetrySample", () -> tx.session().createSelectionQuery("from TelemetryEntity t "
                        + "where t.vehicleId = :v and t.facilityId = :f order by t.timestamp desc, t.id desc", TelemetryEntity.class)
                .setParameter("v", vehicleId.value()).setParameter("f", tx.facility()).setMaxResults(1).setReadOnly(true)
                .uniqueResultOptional().map(LogEntityMapper::toDomain));
    }

    @Override
    public Map<VehicleId, TelemetrySample> latestPerVehicle() {
        return tx.read("TelemetrySample", () -> {
            List<TelemetryEntity> rows = tx.session()
                    .createNativeQuery(tx.dialect().latestTelemetryPerVehicleSql(), TelemetryEntity.class)
                    .setParameter("f", tx.facility()).setReadOnly(true).getResultList();
            Map<VehicleId, TelemetrySample> result = new LinkedHashMap<>();
            for (TelemetryEntity e : rows) {
                TelemetrySample s = LogEntityMapper.toDomain(e);
                result.put(s.vehicleId(), s);
            }
            return Collections.unmodifiableMap(result);
        });
    }
}
