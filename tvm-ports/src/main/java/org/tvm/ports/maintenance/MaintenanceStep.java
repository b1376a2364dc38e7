package org.tvm.ports.maintenance;

/** The steps of one maintenance run, in the order they run. Every step is idempotent on its own. */
public enum MaintenanceStep {
    /** Monthly telemetry partitions from the previous month to {@link RetentionPolicy#telemetryMonthsAhead()} ahead. */
    TELEMETRY_PARTITIONS("telemetry-partitions"),
    /** Yearly audit partitions from the current year to {@link RetentionPolicy#auditYearsAhead()} ahead. */
    AUDIT_PARTITIONS("audit-partitions"),
    /** Telemetry past retention: whole monthly partitions dropped, then the boundary month's old rows in batches. */
    TELEMETRY_RETENTION("telemetry-retention"),
    /** Vehicle log lines past retention, deleted in batches. */
    VEHICLE_LOG_RETENTION("vehicle-log-retention"),
    /** Finished missions past retention: archived with their events, the archive verified, then deleted. */
    MISSION_ARCHIVE("mission-archive"),
    /** Whole yearly audit partitions past retention dropped (rows are never altered). */
    AUDIT_RETENTION("audit-retention"),
    /** Residents deleted longer ago than the policy: anonymised. */
    RESIDENT_ANONYMISATION("resident-anonymisation"),
    /**
     * Audit entries the database's triggers wrote since the last run moved into their facility's hash chain
     * (PostgreSQL; H2 and the in-memory adapter link each entry when it is written). After the steps that change
     * audited rows, so their entries are chained by the same run.
     */
    AUDIT_CHAIN("audit-chain"),
    /** The mission summary (materialized view) refreshed. */
    MISSION_SUMMARY_REFRESH("mission-summary-refresh");

    private final String code;

    MaintenanceStep(String code) {
        this.code = code;
    }

    /** Stable lower-case code, as recorded in {@code maintenance_runs}. */
    public String code() {
        return code;
    }

    public static MaintenanceStep fromCode(String code) {
        for (MaintenanceStep s : values()) {
            if (s.code.equals(code)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown maintenance step " + code);
    }
}
