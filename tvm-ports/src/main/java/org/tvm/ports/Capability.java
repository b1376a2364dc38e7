package org.tvm.ports;

/**
 * Optional features an adapter/database combination provides, reported by {@link TvmPersistence#capabilities()}.
 * Every port method works without any capability; a capability only strengthens a guarantee or changes how it is
 * achieved, as documented per constant. Contract tests use these to enable capability-specific checks (skipped, never
 * silently passed, where absent).
 */
public enum Capability {

    /**
     * The database itself enforces facility isolation (PostgreSQL row-level security keyed on
     * {@code app.current_facility_id}), in addition to the adapter's own facility filters. Without it the adapter's
     * filters are the only boundary.
     */
    ROW_LEVEL_SECURITY,

    /**
     * {@link DispatchOperations#nearestAvailable} computes distances in the database on the WGS-84 spheroid
     * (PostGIS {@code geography}, {@code ST_Distance}) using spatial indexes. Without it adapters compute the
     * great-circle (haversine) distance with mean Earth radius 6,371,008.8 m; the two may differ by up to about 0.5%.
     */
    SPATIAL_DISTANCE,

    /**
     * Telemetry is stored in monthly range partitions: {@link TvmAdministration#ensureTelemetryPartitions} creates
     * them and {@link TvmAdministration#dropTelemetryPartitionsBefore} drops whole partitions. A sample whose month
     * has no partition is still accepted: it is kept in a default (catch-all) partition, moved into its month's
     * partition when that partition is created, and removed by retention like any other sample. Without this
     * capability partition management is a no-op / row deletion as documented there. Either way any timestamp is
     * accepted.
     */
    PARTITIONED_TELEMETRY,

    /**
     * {@link DispatchOperations#claimNextPending} uses {@code FOR UPDATE SKIP LOCKED}: concurrent dispatchers skip
     * missions locked by others instead of waiting. Without it the no-double-claim guarantee still holds, but a
     * concurrent claimer may block until the other transaction ends or fail with {@link ConcurrencyConflictException}.
     */
    SKIP_LOCKED,

    /**
     * Sensitive fields ({@code Resident.medicalNotes}, {@code User.mfaSecret}) are sealed with
     * {@code org.tvm.ports.crypto.FieldCipher} (AES-256-GCM) before they are written and opened after they are read;
     * the database holds only ciphertext. Without it they are stored in plain text.
     */
    AT_REST_FIELD_ENCRYPTION,

    /**
     * {@link TvmPersistence#inHostTransaction} joins a JDBC transaction the application owns (and an adapter configured
     * with {@link HostTransactions} joins the host's current transaction). Without it (the in-memory reference, which
     * has no JDBC connection) that method throws {@link UnsupportedOperationException}.
     */
    JOIN_HOST_TRANSACTION
}
