package org.tvm.testkit.db;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.tvm.domain.facility.Facility;
import org.tvm.ports.TvmAdministration;

/**
 * Remembers the facilities created through one administration and removes them, with every row that belongs to them,
 * so a suite can run again and again on a persistent database and leave it as it found it.
 *
 * <p>The rows are removed as the superuser with {@code session_replication_role = replica}: the schema deliberately
 * lets nobody delete audit rows or mission timelines (triggers, revoked grants), and test data is the one thing that
 * may go anyway. Every table with a {@code facility_id} column is covered, so tables added later need no change here.
 * Only PostgreSQL is cleaned: the H2 and in-memory test stores are throw-away.
 */
final class CreatedFacilities {

    private final Set<UUID> created = new LinkedHashSet<>();

    /** @return {@code administration}, with every facility it creates remembered (all calls forwarded unchanged) */
    TvmAdministration tracking(TvmAdministration administration) {
        return (TvmAdministration) Proxy.newProxyInstance(TvmAdministration.class.getClassLoader(),
                new Class<?>[] {TvmAdministration.class}, (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return switch (method.getName()) {
                            case "equals" -> proxy == args[0];
                            case "hashCode" -> System.identityHashCode(proxy);
                            default -> "Tracking[" + administration + "]";
                        };
                    }
                    Object result;
                    try {
                        result = method.invoke(administration, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (method.getName().equals("createFacility") && args != null && args[0] instanceof Facility f) {
                        synchronized (created) {
                            created.add(f.id().value());
                        }
                    }
                    return result;
                });
    }

    /**
     * Deletes the remembered facilities and their rows (PostgreSQL, superuser). Facilities that could not be removed
     * stay remembered and are reported on standard error; nothing is thrown, because cleaning up must not turn a green
     * run red.
     *
     * @return how many facilities were removed
     */
    int removeAll(DataSource adminDataSource) {
        List<UUID> ids;
        synchronized (created) {
            ids = new ArrayList<>(created);
        }
        if (ids.isEmpty()) {
            return 0;
        }
        try (Connection c = adminDataSource.getConnection()) {
            if (!c.getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
                return 0;
            }
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                try (Statement s = c.createStatement()) {
                    s.execute("SET LOCAL session_replication_role = replica");
                }
                Array idArray = c.createArrayOf("uuid", ids.toArray());
                for (String table : facilityTables(c)) {
                    // table names come from the catalogue, quoted; the ids are bound
                    try (PreparedStatement ps = c.prepareStatement(
                            "DELETE FROM \"" + table.replace("\"", "\"\"") + "\" WHERE facility_id = ANY (?)")) {
                        ps.setArray(1, idArray);
                        ps.executeUpdate();
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM facilities WHERE id = ANY (?)")) {
                    ps.setArray(1, idArray);
                    ps.executeUpdate();
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            System.err.println("[tvm-testkit] could not remove the " + ids.size() + " test facilities this run created "
                    + "(the admin login must be a superuser): " + e.getMessage());
            return 0;
        }
        synchronized (created) {
            ids.forEach(created::remove);
        }
        return ids.size();
    }

    /** Every ordinary or partitioned (parent) table of the current schema with a facility_id column. */
    private static List<String> facilityTables(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT t.relname FROM pg_attribute a "
                + "JOIN pg_class t ON t.oid = a.attrelid JOIN pg_namespace n ON n.oid = t.relnamespace "
                + "WHERE a.attname = 'facility_id' AND NOT a.attisdropped AND t.relkind IN ('r', 'p') "
                + "AND NOT t.relispartition AND n.nspname = current_schema() ORDER BY t.relname");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }
}
