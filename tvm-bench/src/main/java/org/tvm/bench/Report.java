package org.tvm.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The results as rows: per operation each path's median value over rounds and each library path's ratio to raw JDBC
 * (median [min–max] of the per-round ratios), plus statements per operation; rendered as a text table, JSON and
 * Markdown.
 */
final class Report {

    /** One result row. value = median over rounds of p50 (latency) or units/s (throughput). */
    record Row(String name, String unit, String target, Map<String, Double> value, Map<String, double[]> ratio,
               Map<String, Long> statements, Map<String, Double> bytesPerUnit, Double p95Micros) {
    }

    final List<Row> rows = new ArrayList<>();
    final List<MixedWorkload.Result> mixed = new ArrayList<>();
    final List<AuditCost.Row> audit = new ArrayList<>();
    final Map<String, String> notes = new LinkedHashMap<>();
    private final List<String> libraries;

    Report(List<String> libraries) {
        this.libraries = libraries;
    }

    void add(Runner runner, Map<Op, Map<String, Long>> statements) {
        runner.samples.forEach((op, byPath) -> {
            Map<String, Double> value = new LinkedHashMap<>();
            Map<String, Double> bytes = new LinkedHashMap<>();
            byPath.forEach((path, samples) -> {
                value.put(path, median(samples.stream().mapToDouble(s -> metric(op, s)).toArray()));
                bytes.put(path, median(samples.stream().mapToDouble(Runner.Sample::allocatedBytesPerUnit).toArray()));
            });
            Map<String, double[]> ratio = new LinkedHashMap<>();
            List<Runner.Sample> raw = byPath.get(Side.RAW);
            for (String lib : libraries) {
                List<Runner.Sample> mine = byPath.get(lib);
                if (mine == null || raw == null) {
                    continue;
                }
                double[] r = new double[Math.min(raw.size(), mine.size())];
                for (int i = 0; i < r.length; i++) {
                    r[i] = metric(op, mine.get(i)) / metric(op, raw.get(i));
                }
                ratio.put(lib, new double[] {median(r), Arrays.stream(r).min().orElse(0), Arrays.stream(r).max().orElse(0)});
            }
            Double p95 = op.rawOnly() ? median(raw.stream().mapToDouble(Runner.Sample::p95Micros).toArray()) : null;
            rows.add(new Row(op.name(), op.unit(), op.target(), value, ratio,
                    statements.getOrDefault(op, Map.of()), bytes, p95));
        });
    }

    private static double metric(Op op, Runner.Sample s) {
        return op.metric() == Op.Metric.LATENCY ? s.p50Micros() : s.unitsPerSecond();
    }

    static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    // ------------------------------------------------------------------ rendering

    private List<String> header() {
        List<String> h = new ArrayList<>(List.of("operation", "unit", "raw"));
        for (String lib : libraries) {
            h.add(lib);
            h.add(lib + "/raw [min-max]");
        }
        h.add("statements raw/" + String.join("/", libraries));
        h.add("alloc B/unit raw/" + String.join("/", libraries));
        h.add("target");
        return h;
    }

    private List<List<String>> cells() {
        List<List<String>> out = new ArrayList<>();
        for (Row r : rows) {
            List<String> c = new ArrayList<>();
            c.add(r.name());
            c.add(r.unit());
            c.add(num(r.value().get(Side.RAW)) + (r.p95Micros() != null ? " (p95 " + num(r.p95Micros()) + ")" : ""));
            for (String lib : libraries) {
                c.add(r.value().containsKey(lib) ? num(r.value().get(lib)) : "-");
                double[] q = r.ratio().get(lib);
                c.add(q == null ? "-" : String.format(Locale.ROOT, "%.2f [%.2f-%.2f]", q[0], q[1], q[2]));
            }
            List<String> st = new ArrayList<>();
            st.add(String.valueOf(r.statements().getOrDefault(Side.RAW, -1L)));
            for (String lib : libraries) {
                st.add(r.statements().containsKey(lib) ? String.valueOf(r.statements().get(lib)) : "-");
            }
            c.add(r.statements().isEmpty() ? "-" : String.join("/", st));
            List<String> alloc = new ArrayList<>();
            alloc.add(kilo(r.bytesPerUnit().get(Side.RAW)));
            for (String lib : libraries) {
                alloc.add(r.bytesPerUnit().containsKey(lib) ? kilo(r.bytesPerUnit().get(lib)) : "-");
            }
            c.add(String.join("/", alloc));
            c.add(r.target());
            out.add(c);
        }
        return out;
    }

    private List<String> mixedHeader() {
        return List.of("mixed open-loop", "target ops/s", "done", "errors", "p50 ms", "p95 ms", "p99 ms",
                "p99 uncorrected ms", "telemetry rows/s");
    }

    private List<List<String>> mixedCells() {
        List<List<String>> out = new ArrayList<>();
        for (MixedWorkload.Result m : mixed) {
            out.add(List.of(m.side(), String.valueOf(m.targetRate()), m.completed() + "/" + m.scheduled(),
                    String.valueOf(m.errors()), ms(m.corrected().getValueAtPercentile(50)),
                    ms(m.corrected().getValueAtPercentile(95)), ms(m.corrected().getValueAtPercentile(99)),
                    ms(m.uncorrected().getValueAtPercentile(99)), num(m.telemetryRows() / m.seconds())));
        }
        return out;
    }

    private List<String> auditHeader() {
        return List.of("audit cost (write path)", "adapter", "audited rows", "unaudited us p50", "audited us p50",
                "audited/unaudited [min-max]", "target");
    }

    private List<List<String>> auditCells() {
        List<List<String>> out = new ArrayList<>();
        for (AuditCost.Row a : audit) {
            out.add(List.of(a.operation(), a.adapter(), String.valueOf(a.auditedRows()), num(a.unauditedMicros()),
                    num(a.auditedMicros()), String.format(Locale.ROOT, "%.2f [%.2f-%.2f]", a.ratio()[0], a.ratio()[1],
                            a.ratio()[2]), AuditCost.TARGET));
        }
        return out;
    }

    String text() {
        StringBuilder sb = new StringBuilder();
        table(sb, header(), cells(), false);
        sb.append('\n');
        if (!audit.isEmpty()) {   // none with --only
            table(sb, auditHeader(), auditCells(), false);
            sb.append('\n');
        }
        if (!mixed.isEmpty()) {   // none with --only
            table(sb, mixedHeader(), mixedCells(), false);
        }
        notes.forEach((k, v) -> sb.append(k).append(": ").append(v).append('\n'));
        return sb.toString();
    }

    String markdown() {
        StringBuilder sb = new StringBuilder();
        table(sb, header(), cells(), true);
        sb.append('\n');
        if (!audit.isEmpty()) {
            table(sb, auditHeader(), auditCells(), true);
            sb.append('\n');
        }
        if (!mixed.isEmpty()) {
            table(sb, mixedHeader(), mixedCells(), true);
            sb.append('\n');
        }
        notes.forEach((k, v) -> sb.append("- ").append(k).append(": ").append(v).append('\n'));
        return sb.toString();
    }

    private static void table(StringBuilder sb, List<String> header, List<List<String>> cells, boolean markdown) {
        int[] width = new int[header.size()];
        for (int i = 0; i < width.length; i++) {
            width[i] = header.get(i).length();
            for (List<String> row : cells) {
                width[i] = Math.max(width[i], row.get(i).length());
            }
        }
        line(sb, header, width, markdown);
        if (markdown) {
            sb.append('|');
            for (int w : width) {
                sb.append("-".repeat(w + 2)).append('|');
            }
            sb.append('\n');
        } else {
            int total = Arrays.stream(width).sum() + 2 * width.length;
            sb.append("-".repeat(total)).append('\n');
        }
        for (List<String> row : cells) {
            line(sb, row, width, markdown);
        }
    }

    private static void line(StringBuilder sb, List<String> cells, int[] width, boolean markdown) {
        if (markdown) {
            sb.append('|');
        }
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i);
            sb.append(markdown ? " " : "").append(c).append(" ".repeat(width[i] - c.length())).append(markdown ? " |" : "  ");
        }
        sb.append('\n');
    }

    String json() {
        StringBuilder sb = new StringBuilder("{\n  \"notes\": {");
        int n = 0;
        for (Map.Entry<String, String> e : notes.entrySet()) {
            sb.append(n++ == 0 ? "" : ",").append("\n    ").append(str(e.getKey())).append(": ").append(str(e.getValue()));
        }
        sb.append("\n  },\n  \"operations\": [");
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            sb.append(i == 0 ? "" : ",").append("\n    {\"name\": ").append(str(r.name())).append(", \"unit\": ")
                    .append(str(r.unit())).append(", \"target\": ").append(str(r.target())).append(", \"value\": ")
                    .append(map(r.value())).append(", \"bytesPerUnit\": ").append(map(r.bytesPerUnit()))
                    .append(", \"statements\": ").append(map(r.statements())).append(", \"ratio\": {");
            int k = 0;
            for (Map.Entry<String, double[]> e : r.ratio().entrySet()) {
                double[] q = e.getValue();
                sb.append(k++ == 0 ? "" : ", ").append(str(e.getKey())).append(": {\"median\": ").append(jnum(q[0]))
                        .append(", \"min\": ").append(jnum(q[1])).append(", \"max\": ").append(jnum(q[2])).append('}');
            }
            sb.append('}');
            if (r.p95Micros() != null) {
                sb.append(", \"p95\": ").append(jnum(r.p95Micros()));
            }
            sb.append('}');
        }
        sb.append("\n  ],\n  \"auditCost\": [");
        for (int i = 0; i < audit.size(); i++) {
            AuditCost.Row a = audit.get(i);
            sb.append(i == 0 ? "" : ",").append("\n    {\"operation\": ").append(str(a.operation())).append(", \"adapter\": ")
                    .append(str(a.adapter())).append(", \"auditedRows\": ").append(a.auditedRows())
                    .append(", \"unauditedP50Micros\": ").append(jnum(a.unauditedMicros()))
                    .append(", \"auditedP50Micros\": ").append(jnum(a.auditedMicros())).append(", \"ratio\": {\"median\": ")
                    .append(jnum(a.ratio()[0])).append(", \"min\": ").append(jnum(a.ratio()[1])).append(", \"max\": ")
                    .append(jnum(a.ratio()[2])).append("}}");
        }
        sb.append("\n  ],\n  \"mixed\": [");
        for (int i = 0; i < mixed.size(); i++) {
            MixedWorkload.Result m = mixed.get(i);
            sb.append(i == 0 ? "" : ",").append("\n    {\"path\": ").append(str(m.side())).append(", \"targetRate\": ")
                    .append(m.targetRate()).append(", \"scheduled\": ").append(m.scheduled()).append(", \"completed\": ")
                    .append(m.completed()).append(", \"errors\": ").append(m.errors()).append(", \"errorKinds\": {");
            int k = 0;
            for (Map.Entry<String, Long> e : m.errorKinds().entrySet()) {
                sb.append(k++ == 0 ? "" : ", ").append(str(e.getKey())).append(": ").append(e.getValue());
            }
            sb.append('}');
            for (double p : new double[] {50, 95, 99}) {
                sb.append(", \"p").append((int) p).append("Ms\": ").append(ms(m.corrected().getValueAtPercentile(p)))
                        .append(", \"p").append((int) p).append("UncorrectedMs\": ")
                        .append(ms(m.uncorrected().getValueAtPercentile(p)));
            }
            sb.append(", \"telemetryRowsPerSecond\": ").append(jnum(m.telemetryRows() / m.seconds())).append('}');
        }
        return sb.append("\n  ]\n}\n").toString();
    }

    private static String map(Map<String, ? extends Number> m) {
        StringBuilder sb = new StringBuilder("{");
        m.forEach((k, v) -> sb.append(sb.length() > 1 ? ", " : "").append(str(k)).append(": ").append(jnum(v.doubleValue())));
        return sb.append('}').toString();
    }

    private static String str(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    static String num(Double d) {
        if (d == null || d.isNaN()) {
            return "-";
        }
        double v = d;
        return v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }

    /** Bytes as 950 or 12k or 3.4M. */
    private static String kilo(Double bytes) {
        if (bytes == null || bytes.isNaN()) {
            return "-";
        }
        double b = bytes;
        return b < 1_000 ? String.format(Locale.ROOT, "%.0f", b) : b < 1_000_000 ? String.format(Locale.ROOT, "%.0fk", b / 1e3)
                : String.format(Locale.ROOT, "%.1fM", b / 1e6);
    }

    private static String jnum(double d) {
        return Double.isNaN(d) || Double.isInfinite(d) ? "null" : String.format(Locale.ROOT, "%.3f", d);
    }

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.2f", nanos / 1e6);
    }
}
