package org.tvm.adapter.mybatis;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.tvm.ports.TvmAdministration;
import org.tvm.ports.TvmPersistence;
import org.tvm.testkit.PersistenceUnderTest;
import org.tvm.testkit.db.H2TestDatabase;
import org.tvm.testkit.db.PostgresTestDatabase;
import org.tvm.testkit.db.TestDatabases;

/** The MyBatis adapter as a contract subject, over the testkit's databases (app role + admin role on PostgreSQL). */
final class MyBatisSubject implements PersistenceUnderTest {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

    private final String name;
    private final DataSource app;
    private final DataSource admin;
    private final boolean postgres;
    private final TvmPersistence persistence;
    private final TvmAdministration administration;

    private MyBatisSubject(String name, DataSource app, DataSource admin, boolean postgres) {
        this.name = name;
        this.app = app;
        this.admin = admin;
        this.postgres = postgres;
        this.persistence = MyBatisTvmPersistence.create(app);
        this.administration = MyBatisTvmPersistence.administration(admin);
    }

    static MyBatisSubject postgres() {
        PostgresTestDatabase db = TestDatabases.postgres();
        return new MyBatisSubject("mybatis/postgresql", db.appDataSource(), db.adminDataSource(), true);
    }

    static MyBatisSubject h2() {
        H2TestDatabase db = TestDatabases.h2();
        return new MyBatisSubject("mybatis/h2", db.dataSource(), db.dataSource(), false);
    }

    DataSource appDataSource() {
        return app;
    }

    DataSource adminDataSource() {
        return admin;
    }

    @Override
    public TvmPersistence persistence() {
        return persistence;
    }

    @Override
    public TvmAdministration administration() {
        return administration;
    }

    @Override
    public Optional<String> rawStoredValue(String table, String column, UUID id) {
        // identifiers come from the contracts; checked, since they cannot be bound as parameters
        if (!IDENTIFIER.matcher(table).matches() || !IDENTIFIER.matcher(column).matches()) {
            throw new IllegalArgumentException("not a plain identifier: " + table + "." + column);
        }
        try (Connection c = admin.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT " + column + " FROM " + table + " WHERE id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public long countRowsVisibleToApplication(String table, UUID contextFacilityId) {
        if (!postgres) {
            throw new UnsupportedOperationException("H2 has no row-level security");
        }
        if (!IDENTIFIER.matcher(table).matches()) {
            throw new IllegalArgumentException("not a plain identifier: " + table);
        }
        try (Connection c = app.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT set_config('app.current_facility_id', ?, true)")) {
                    ps.setString(1, contextFacilityId.toString());
                    ps.execute();
                }
                try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM " + table);
                        ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String name() {
        return name;
    }
}
