package org.tvm.ports;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tvm.domain.fleet.VehicleId;
import org.tvm.domain.telemetry.TelemetrySample;

/**
 * High-volume, immutable telemetry samples of the context facility's vehicles. Samples are never updated or deleted
 * through this port (retention: {@link TvmAdministration#dropTelemetryPartitionsBefore}).
 * Obtained from {@link TvmTransaction#telemetry()}; general rules in the package documentation.
 */
public interface TelemetryRepository {

    /**
     * Appends samples in bulk (batched), all or nothing. An empty list does nothing. Duplicate samples (same vehicle and
     * timestamp) are stored twice.
     *
     * <p>The timestamp is never a reason to reject a sample: with {@link Capability#PARTITIONED_TELEMETRY} a sample
     * outside every monthly partition is kept in the schema's default partition (moved into its month's partition
     * once an administrator creates it) and is removed by retention like any other sample.
     *
     * @param samples non-null list without null elements
     * @throws AccessDeniedException        if any sample belongs to another facility (checked before any SQL; nothing
     *                                      written)
     * @throws UnknownReferenceException    if any sample references a vehicle that does not exist in the facility
     * @throws ConstraintViolationException if a sample breaks a database rule the domain cannot see
     * @throws IllegalStateException        in a read-only transaction
     */
    void append(List<TelemetrySample> samples);

    /**
     * @param vehicleId     non-null vehicle id
     * @param fromInclusive non-null window start
     * @param toExclusive   non-null window end
     * @param limit         maximum samples, 1..1000
     * @return samples with timestamp in {@code [from, to)}, newest first (timestamp descending, then reverse insertion
     *         order); empty for unknown vehicles
     * @throws IllegalArgumentException if from is after to, or limit is out of range
     */
    List<TelemetrySample> range(VehicleId vehicleId, Instant fromInclusive, Instant toExclusive, int limit);

    /**
     * @param vehicleId non-null vehicle id
     * @return the sample with the greatest timestamp (the last inserted on ties), or empty if the vehicle has none
     */
    Optional<TelemetrySample> latest(VehicleId vehicleId);

    /**
     * @return for every non-deleted vehicle of the facility that has at least one sample, its latest sample (as
     *         {@link #latest}); unmodifiable, iteration order unspecified; empty if none
     */
    Map<VehicleId, TelemetrySample> latestPerVehicle();
}
