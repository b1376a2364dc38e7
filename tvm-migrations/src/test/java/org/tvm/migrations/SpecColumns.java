package org.tvm.migrations;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The expected PostgreSQL columns, table by table: the spec's columns (§4) with their spec types and
 * nullability, plus the tables the spec only names and the documented additions (marked "+").
 * Format per line: {@code column type null|not-null}; types as rendered by {@link PostgresSchemaTest}.
 */
final class SpecColumns {

    static final Map<String, String> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put("facilities", """
                id uuid not-null
                name varchar(200) not-null
                address varchar(500) null
                timezone varchar(64) not-null
                created_at timestamptz not-null
                updated_at timestamptz not-null
                """);
        TABLES.put("locations", """
                id uuid not-null
                facility_id uuid not-null
                name varchar(200) not-null
                kind varchar(30) not-null
                coordinates geography not-null
                zone varchar(100) null
                created_at timestamptz not-null
                updated_at timestamptz not-null
                """);
        TABLES.put("maps", """
                id uuid not-null
                facility_id uuid not-null
                name varchar(200) not-null
                version integer not-null
                data jsonb not-null
                created_at timestamptz not-null
                updated_at timestamptz not-null
                """);
        TABLES.put("residents", """
                id uuid not-null
                facility_id uuid not-null
                first_name varchar(100) not-null
                last_name varchar(100) not-null
                date_of_birth date not-null
                gender varchar(20) null
                phone varchar(20) null
                emergency_contact_name varchar(200) null
                emergency_contact_phone varchar(20) null
                medical_notes text null
                wheelchair_type varchar(50) null
                requires_assistance boolean null
                preferred_language varchar(10) null
                photo_url varchar(500) null
                gdpr_consent boolean null
                gdpr_consent_date timestamptz null
                created_at timestamptz null
                updated_at timestamptz null
                deleted_at timestamptz null
                """);
        TABLES.put("caregiver_assignments", """
                facility_id uuid not-null
                caregiver_user_id uuid not-null
                resident_id uuid not-null
                assigned_at timestamptz not-null
                assigned_by_user_id uuid null
                """);
        TABLES.put("vehicles", """
                id uuid not-null
                facility_id uuid not-null
                name varchar(100) not-null
                serial_number varchar(100) null
                model varchar(100) null
                firmware_version varchar(50) null
                status varchar(50) not-null
                current_mission_id uuid null
                current_location jsonb null
                battery_level integer null
                last_heartbeat timestamptz null
                max_payload_kg integer null
                max_speed_mps numeric(3,1) null
                last_maintenance_date date null
                next_maintenance_due date null
                total_distance_km numeric(10,2) null
                total_missions integer null
                created_at timestamptz null
                updated_at timestamptz null
                deleted_at timestamptz null
                + version bigint not-null
                + current_point geography null
                """);
        TABLES.put("missions", """
                id uuid not-null
                facility_id uuid not-null
                resident_id uuid not-null
                vehicle_id uuid null
                created_by_user_id uuid not-null
                pickup_location varchar(200) not-null
                pickup_coordinates geography null
                dropoff_location varchar(200) not-null
                dropoff_coordinates geography null
                priority varchar(20) not-null
                status varchar(50) not-null
                scheduled_at timestamptz null
                assigned_at timestamptz null
                started_at timestamptz null
                completed_at timestamptz null
                notes text null
                failure_reason text null
                created_at timestamptz null
                updated_at timestamptz null
                deleted_at timestamptz null
                + last_progress varchar(50) null
                + version bigint not-null
                """);
        TABLES.put("mission_events", """
                id bigint not-null
                mission_id uuid not-null
                vehicle_id uuid null
                event_type varchar(50) not-null
                details jsonb null
                created_at timestamptz null
                created_by_user_id uuid null
                + facility_id uuid not-null
                """);
        TABLES.put("telemetry", """
                id bigint not-null
                vehicle_id uuid not-null
                timestamp timestamptz not-null
                latitude numeric(10,7) null
                longitude numeric(10,7) null
                heading numeric(5,2) null
                speed_mps numeric(4,2) null
                acceleration_mps2 numeric(4,2) null
                battery_level integer null
                battery_voltage numeric(5,2) null
                battery_current numeric(6,2) null
                lidar_status varchar(20) null
                camera_status varchar(20) null
                imu_status varchar(20) null
                cpu_usage integer null
                memory_usage integer null
                disk_usage integer null
                error_codes varchar[] null
                created_at timestamptz null
                + facility_id uuid not-null
                """);
        TABLES.put("vehicle_logs", """
                id bigint not-null
                facility_id uuid not-null
                vehicle_id uuid not-null
                level varchar(10) not-null
                code varchar(50) null
                message varchar(2000) not-null
                details jsonb null
                logged_at timestamptz not-null
                created_at timestamptz not-null
                """);
        TABLES.put("users", """
                id uuid not-null
                facility_id uuid not-null
                email varchar(255) not-null
                password_hash varchar(255) not-null
                first_name varchar(100) not-null
                last_name varchar(100) not-null
                phone varchar(20) null
                status varchar(20) not-null
                email_verified boolean null
                email_verification_token varchar(255) null
                mfa_enabled boolean null
                mfa_secret text null
                password_reset_token varchar(255) null
                password_reset_expires timestamptz null
                last_login_at timestamptz null
                last_login_ip inet null
                created_at timestamptz null
                updated_at timestamptz null
                deleted_at timestamptz null
                """);
        TABLES.put("roles", """
                id uuid not-null
                name varchar(50) not-null
                description text null
                created_at timestamptz null
                updated_at timestamptz null
                """);
        TABLES.put("permissions", """
                id uuid not-null
                resource varchar(50) not-null
                action varchar(50) not-null
                description text null
                created_at timestamptz null
                """);
        TABLES.put("role_permissions", """
                role_id uuid not-null
                permission_id uuid not-null
                """);
        TABLES.put("user_roles", """
                user_id uuid not-null
                role_id uuid not-null
                assigned_at timestamptz null
                assigned_by_user_id uuid null
                + facility_id uuid not-null
                """);
        TABLES.put("audit_logs", """
                id bigint not-null
                user_id uuid null
                user_email varchar(255) null
                action varchar(100) not-null
                resource_type varchar(50) null
                resource_id uuid null
                details jsonb null
                timestamp timestamptz not-null
                ip_address inet null
                user_agent text null
                success boolean not-null
                failure_reason text null
                + facility_id uuid null
                + chain_seq bigint null
                + prev_hash varchar(64) null
                + row_hash varchar(64) null
                """);
        TABLES.put("data_access_logs", """
                id bigint not-null
                facility_id uuid not-null
                user_id uuid null
                resident_id uuid not-null
                access_type varchar(10) not-null
                accessed_at timestamptz not-null
                created_at timestamptz not-null
                + chain_seq bigint null
                + prev_hash varchar(64) null
                + row_hash varchar(64) null
                """);
        // V13: the audit hash chain's heads and signed checkpoints (not in the spec)
        TABLES.put("audit_chain_heads", """
                + chain_id uuid not-null
                + last_seq bigint not-null
                + last_hash varchar(64) not-null
                + prev_hash varchar(64) null
                """);
        TABLES.put("audit_chain_checkpoints", """
                + chain_id uuid not-null
                + seq bigint not-null
                + row_hash varchar(64) not-null
                + key_id varchar(50) not-null
                + mac varchar(64) not-null
                + signed_at timestamptz not-null
                """);
        // V22: audit entries the triggers wrote, waiting to be moved into the chain (audit_logs' content columns)
        TABLES.put("audit_logs_pending", """
                + id bigint not-null
                + facility_id uuid null
                + user_id uuid null
                + user_email varchar(255) null
                + action varchar(100) not-null
                + resource_type varchar(50) null
                + resource_id uuid null
                + details jsonb null
                + timestamp timestamptz not-null
                + ip_address inet null
                + user_agent text null
                + success boolean not-null
                + failure_reason text null
                """);
        // V14_1: the maintenance job's run record and mission archive (administrative tables)
        TABLES.put("maintenance_runs", """
                id bigint not-null
                started_at timestamptz not-null
                finished_at timestamptz null
                outcome varchar(20) not-null
                steps jsonb not-null
                error text null
                """);
        TABLES.put("mission_archive", """
                mission_id uuid not-null
                facility_id uuid not-null
                finished_at timestamptz not-null
                archived_at timestamptz not-null
                event_count integer not-null
                document jsonb not-null
                """);
    }

    private SpecColumns() {
    }
}
