package org.tvm.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.tvm.ports.TvmContext;

/**
 * The raw-JDBC unit of work the baselines use: what the adapters do, without them. One transaction, the context
 * published first with the same {@code set_config} round trip, commit (rollback on failure).
 */
final class RawTx {

    static final String PUBLISH = "SELECT set_config('app.current_facility_id', ?, true), "
            + "set_config('app.current_actor_id', ?, true)";

    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private RawTx() {
    }

    static <T> T run(DataSource ds, TvmContext ctx, Work<T> work) {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement ps = c.prepareStatement(PUBLISH)) {
                    ps.setString(1, ctx.facilityId().value().toString());
                    ps.setString(2, ctx.actorUserId().map(u -> u.value().toString()).orElse(""));
                    ps.execute();
                }
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("raw JDBC path failed: " + e.getMessage(), e);
        }
    }
}
