package org.tvm.adapter.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import javax.sql.DataSource;
import org.tvm.ports.Capability;
import org.tvm.ports.TvmContext;
import org.tvm.ports.TvmPersistenceException;

/**
 * The databases the SQL adapters support, detected once from the data source, with what both adapters must do the
 * same way on each: the capabilities the schema offers and the publication of the {@link TvmContext} as the first
 * statement of every application transaction.
 */
public enum SqlDatabase {

    /** PostgreSQL 15+ with PostGIS: every capability (row-level security, partitions, spatial distance ...). */
    POSTGRESQL(EnumSet.allOf(Capability.class)),

    /** H2 in PostgreSQL mode: no RLS, partitions or geography; distances are computed in Java. */
    H2(EnumSet.of(Capability.AT_REST_FIELD_ENCRYPTION, Capability.SKIP_LOCKED, Capability.JOIN_HOST_TRANSACTION));

    private static final String PUBLISH_CONTEXT =
            "SELECT set_config('app.current_facility_id', ?, true), set_config('app.current_actor_id', ?, true)";

    /** The same round trip also makes the transaction read-only (like SET TRANSACTION READ ONLY). */
    private static final String PUBLISH_CONTEXT_READ_ONLY = PUBLISH_CONTEXT
            + ", set_config('transaction_read_only', 'on', true)";

    /**
     * Becomes tvm_admin (BYPASSRLS, owner of mission_summary) for the transaction when the login is a member of it;
     * not when it is tvm_admin already or a superuser (who can do everything and would only lose privileges), nor
     * where no tvm_admin role exists. The outer CASE keeps pg_has_role from meeting a missing role.
     */
    private static final String BEGIN_ADMINISTRATION = "SELECT CASE WHEN EXISTS (SELECT 1 FROM pg_roles WHERE rolname = "
            + "'tvm_admin') THEN (SELECT CASE WHEN r.rolname <> 'tvm_admin' AND NOT r.rolsuper "
            + "AND pg_has_role(current_user, 'tvm_admin', 'MEMBER') THEN set_config('role', 'tvm_admin', true) END "
            + "FROM pg_roles r WHERE r.rolname = current_user) END";

    private final Set<Capability> capabilities;

    SqlDatabase(Set<Capability> capabilities) {
        this.capabilities = Set.copyOf(capabilities);
    }

    /**
     * @param dataSource non-null data source; one connection is borrowed and returned
     * @return the database behind it
     * @throws IllegalArgumentException if it is neither PostgreSQL nor H2
     * @throws TvmPersistenceException  if no connection can be obtained
     */
    public static SqlDatabase detect(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return of(c.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new TvmPersistenceException("Cannot connect to detect the database product (SQLState "
                    + e.getSQLState() + ")", e);
        }
    }

    /**
     * @param productName JDBC {@code DatabaseMetaData.getDatabaseProductName()}
     * @return the database
     * @throws IllegalArgumentException if it is neither PostgreSQL nor H2
     */
    public static SqlDatabase of(String productName) {
        String p = productName == null ? "" : productName.toLowerCase(Locale.ROOT);
        if (p.contains("postgresql")) {
            return POSTGRESQL;
        }
        if (p.equals("h2")) {
            return H2;
        }
        throw new IllegalArgumentException("Unsupported database product '" + productName
                + "': the TVM SQL adapters support PostgreSQL (with PostGIS) and H2");
    }

    /** @return the capabilities of the schema on this database, for a login that does not bypass row-level security */
    public Set<Capability> capabilities() {
        return capabilities;
    }

    /** @return whether {@link #publishContext} sends anything (PostgreSQL: RLS policies and audit triggers read it) */
    public boolean publishesContext() {
        return this == POSTGRESQL;
    }

    /**
     * The first statement of an application transaction: publishes facility and actor transaction-locally
     * ({@code set_config(..., true)}), so nothing leaks through the pool; on a read-only unit also makes the database
     * transaction read-only. On H2 (no RLS; the repositories' facility filters are the boundary there) it sets the session
     * variables its audit triggers read.
     *
     * @param connection non-null connection inside the transaction (autocommit off)
     * @param ctx        non-null context
     * @param readOnly   whether the unit of work is read-only
     * @throws SQLException as the driver reports it (the adapter translates it)
     */
    public void publishContext(Connection connection, TvmContext ctx, boolean readOnly) throws SQLException {
        if (!publishesContext()) {
            // H2 has no transaction-local settings: session variables feed its audit triggers
            // (org.tvm.migrations.h2.H2AuditTrigger); set at every start, so a pooled connection never carries the
            // previous unit of work's actor into this one
            try (PreparedStatement ps = connection.prepareStatement("SELECT SET(@tvm_facility_id, ?), SET(@tvm_actor_id, ?)")) {
                ps.setString(1, ctx.facilityId().value().toString());
                ps.setString(2, ctx.actorUserId().map(u -> u.value().toString()).orElse(""));
                ps.execute();
            }
            return;
        }
        try (PreparedStatement ps = connection.prepareStatement(readOnly ? PUBLISH_CONTEXT_READ_ONLY : PUBLISH_CONTEXT)) {
            ps.setString(1, ctx.facilityId().value().toString());
            ps.setString(2, ctx.actorUserId().map(u -> u.value().toString()).orElse(""));
            ps.execute();
        }
    }

    /**
     * The first statement of an administration transaction: on PostgreSQL it assumes the {@code tvm_admin} role
     * transaction-locally when the admin login may (see {@link #BEGIN_ADMINISTRATION}); on H2 (no roles) nothing.
     *
     * @param connection non-null connection inside the transaction (autocommit off)
     * @throws SQLException as the driver reports it (the adapter translates it)
     */
    public void beginAdministration(Connection connection) throws SQLException {
        if (this != POSTGRESQL) {
            return;
        }
        try (PreparedStatement ps = connection.prepareStatement(BEGIN_ADMINISTRATION)) {
            ps.execute();
        }
    }
}
