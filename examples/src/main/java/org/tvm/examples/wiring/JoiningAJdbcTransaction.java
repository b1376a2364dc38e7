package org.tvm.examples.wiring;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.tvm.domain.mission.MissionId;
import org.tvm.domain.mission.MissionTransition;
import org.tvm.ports.JdbcHostTransaction;
import org.tvm.ports.TvmContext;
import org.tvm.ports.TvmPersistence;

/**
 * The plain-JDBC way to make a TVM write part of a transaction the application owns (quoted in the README): the
 * application's own statement and the mission commit together, or neither does.
 */
public final class JoiningAJdbcTransaction {

    private JoiningAJdbcTransaction() {
    }

    /**
     * Records the request in the application's own table and inserts the mission, in one transaction: if the mission
     * insert fails, the application's row is rolled back too.
     *
     * @param dataSource  the application's data source (the one the persistence runs on)
     * @param persistence the persistence
     * @param ctx         facility and actor
     * @param request     the mission to insert (with its 'created' event)
     * @param ownSql      the application's own statement, with the mission id as its only parameter
     * @return the mission id
     * @throws SQLException if the application's own statement fails (everything is rolled back)
     */
    public static MissionId requestRide(DataSource dataSource, TvmPersistence persistence, TvmContext ctx,
            MissionTransition request, String ownSql) throws SQLException {
        // tag::join[]
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            JdbcHostTransaction host = JdbcHostTransaction.of(connection);
            try {
                try (PreparedStatement own = connection.prepareStatement(ownSql)) {
                    own.setObject(1, request.mission().id().value());
                    own.executeUpdate();
                }
                MissionId id = persistence.inHostTransaction(host, ctx, tx -> {
                    tx.missions().insert(request);
                    return request.mission().id();
                });
                host.commit(); // rolls back and throws if a unit of work failed inside
                return id;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
        // end::join[]
    }
}
