package org.tvm.adapter.mybatis.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSession;

/**
 * JDBC batches of one mapped statement on the session's own connection: the SQL and the parameter binding (type
 * handlers) come from the mapper XML, only the execution is a batch. Used for append-only bulk writes.
 */
public final class Jdbc {

    private Jdbc() {
    }

    /** Wraps a driver exception; {@link org.tvm.adapter.sql.error.SqlErrorTranslator} finds the SQLException in the cause chain. */
    public static final class SqlFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public SqlFailure(SQLException cause) {
            super("SQL failure (SQLState " + cause.getSQLState() + ")", cause);
        }
    }

    public static void batch(SqlSession session, Class<?> mapper, String statementId, List<?> params) {
        if (params.isEmpty()) {
            return;
        }
        Configuration configuration = session.getConfiguration();
        MappedStatement ms = configuration.getMappedStatement(mapper.getName() + "." + statementId);
        Connection connection = session.getConnection();
        String sql = ms.getBoundSql(params.get(0)).getSql();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (Object p : params) {
                BoundSql bound = ms.getBoundSql(p);
                configuration.newParameterHandler(ms, p, bound).setParameters(ps);
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new SqlFailure(e);
        }
    }
}
