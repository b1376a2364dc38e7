package org.tvm.adapter.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.tvm.ports.Capability;
import org.tvm.ports.TvmPersistenceException;
import org.tvm.ports.UnsafeDatabaseLoginException;

/**
 * The check both SQL adapters run when the application-side persistence is created: on PostgreSQL, a login that is a
 * superuser, has {@code BYPASSRLS} or owns the TVM tables is not bound by row-level security (an owner may also switch
 * it off), so the facility boundary would silently rest on the SQL filters alone. Such a login is refused, unless the
 * application explicitly allowed it (demos); then the capabilities say the truth: no
 * {@link Capability#ROW_LEVEL_SECURITY}.
 */
public final class ApplicationLogin {

    /** Tables whose ownership gives a login power over the RLS policies (the migrations create all with one owner). */
    private static final String CHECK = """
            SELECT r.rolsuper, r.rolbypassrls,
                   EXISTS (SELECT 1 FROM pg_class c
                           WHERE c.oid IN (to_regclass('facilities'), to_regclass('missions'), to_regclass('residents'))
                             AND pg_has_role(current_user, c.relowner, 'USAGE'))
            FROM pg_roles r WHERE r.rolname = current_user""";

    private ApplicationLogin() {
    }

    /**
     * @param dataSource     non-null data source of the application (one connection is borrowed and returned)
     * @param database       the database behind it
     * @param allowBypassing whether a login that bypasses row-level security is accepted (demos only)
     * @return the capabilities the application persistence reports
     * @throws UnsafeDatabaseLoginException if the login bypasses row-level security and that is not allowed
     * @throws TvmPersistenceException      if the login cannot be inspected
     */
    public static Set<Capability> check(DataSource dataSource, SqlDatabase database, boolean allowBypassing) {
        if (database != SqlDatabase.POSTGRESQL) {
            return database.capabilities();
        }
        List<String> problems = new ArrayList<>();
        String login;
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(CHECK);
             ResultSet rs = ps.executeQuery()) {
            login = c.getMetaData().getUserName();
            if (rs.next()) {
                if (rs.getBoolean(1)) {
                    problems.add("is a superuser");
                }
                if (rs.getBoolean(2)) {
                    problems.add("has the BYPASSRLS attribute");
                }
                if (rs.getBoolean(3)) {
                    problems.add("owns (or is a member of the owner of) the TVM tables");
                }
            }
        } catch (SQLException e) {
            throw new TvmPersistenceException("Cannot inspect the application database login (SQLState "
                    + e.getSQLState() + ")", e);
        }
        if (problems.isEmpty()) {
            return database.capabilities();
        }
        if (!allowBypassing) {
            throw new UnsafeDatabaseLoginException(login, problems);
        }
        Set<Capability> truthful = EnumSet.copyOf(database.capabilities());
        truthful.remove(Capability.ROW_LEVEL_SECURITY);
        return Set.copyOf(truthful);
    }
}
