package org.tvm.bench;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.tvm.ports.TvmContext;

/** Where a query spends its time on the server: the profile printed beside a spec query's p95. */
final class ServerProfile {

    private ServerProfile() {
    }

    /**
     * One run of {@code sql} under {@code EXPLAIN (ANALYZE, BUFFERS)}: its server time and the pages it found in shared
     * buffers or had to read (from the OS cache or the disk), e.g. "0.61 ms, 140 pages in shared buffers, 0 read".
     */
    static String explainAnalyze(DataSource ds, TvmContext ctx, String sql, UUID param) {
        return RawTx.run(ds, ctx, c -> {
            StringBuilder json = new StringBuilder();
            try (PreparedStatement ps = c.prepareStatement("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + sql)) {
                if (param != null) {
                    ps.setObject(1, param);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        json.append(rs.getString(1));
                    }
                }
            }
            // the top plan node lists its buffers before its children; the execution time closes the plan
            return String.format(Locale.ROOT, "%s ms, %s pages in shared buffers, %s read",
                    field(json, "Execution Time"), field(json, "Shared Hit Blocks"), field(json, "Shared Read Blocks"));
        });
    }

    private static String field(CharSequence json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\": ([0-9.]+)").matcher(json);
        return m.find() ? m.group(1) : "?";
    }
}
