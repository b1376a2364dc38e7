package org.tvm.adapter.jpa;

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

/** The JPA adapter as a contract subject: persistence over the app data source, administration over the admin one. */
final class JpaPersistenceUnderTest implements PersistenceUnderTest {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_]{1,63}");

    private final String name;
    private final DataSource appDataSource;
    private final DataSource adminDataSource;
    private final TvmPersistence persistence;
    private final TvmAdministration administration;

    JpaPersistenceUnderTest(String name, DataSource appDataSource, DataSource adminDataSource) {
        this.name = name;
        this.appDataSource = appDataSource;
        this.adminDataSource = adminDataSource;
        this.persistence = JpaTvmPersistence.create(appDataSource);
        this.administration = JpaTvmPersistence.administration(adminDataSource);
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
        requireIdentifier(table);
        requireIdentifier(column);
        try (Connection c = adminDataSource.getConnection();
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
        requireIdentifier(table);
        try (Connection c = appDataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement ps = c.prepareStatement("SELECT set_config('app.current_facility_id', ?, true)")) {
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

    private static void requireIdentifier(String name) {
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain identifier: " + name);
        }
    }
}
