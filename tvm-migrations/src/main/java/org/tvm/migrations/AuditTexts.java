package org.tvm.migrations;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The details of an automatic audit entry, computed from a row's column values before and after a change (as text),
 * the way PostgreSQL's {@code tvm_audit_row_change()} does: {@code changed} lists the changed columns (sorted,
 * comma-separated), {@code old.<col>} / {@code new.<col>} hold their values, withheld columns show
 * {@link AuditedTables#WITHHELD}. Used by the H2 triggers and the in-memory adapter.
 */
public final class AuditTexts {

    private AuditTexts() {
    }

    /**
     * @param before column values before the change (null for an insert)
     * @param after  column values after the change (null for a delete)
     * @return mutable details, or null if an update changed nothing that is audited
     */
    public static Map<String, String> changeDetails(AuditedTables.Table table, Map<String, String> before,
                                                    Map<String, String> after) {
        Map<String, String> details = new TreeMap<>();
        List<String> changed = new ArrayList<>();
        Map<String, String> keys = new TreeMap<>(after != null ? after : before);
        boolean update = before != null && after != null;
        for (String k : keys.keySet()) {
            if (AuditedTables.NEVER_LISTED.contains(k) || k.equals(table.idColumn()) || table.ignored().contains(k)) {
                continue;
            }
            String ov = before == null ? null : before.get(k);
            String nv = after == null ? null : after.get(k);
            if (update ? java.util.Objects.equals(ov, nv) : ov == null && nv == null) {
                continue;
            }
            changed.add(k);
            if (table.withheld().contains(k)) {
                ov = ov == null ? null : AuditedTables.WITHHELD;
                nv = nv == null ? null : AuditedTables.WITHHELD;
            }
            if (ov != null) {
                details.put("old." + k, ov);
            }
            if (nv != null) {
                details.put("new." + k, nv);
            }
        }
        if (update && changed.isEmpty()) {
            return null;
        }
        details.put("changed", String.join(",", changed));
        return details;
    }

    /** PostgreSQL's JSON text of a {@code timestamptz} in UTC: {@code 2026-01-02T03:04:05.123456+00:00}. */
    public static String timestamp(Instant instant) {
        LocalDateTime t = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        String base = String.format(java.util.Locale.ROOT, "%04d-%02d-%02dT%02d:%02d:%02d", t.getYear(),
                t.getMonthValue(), t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond());
        int micros = t.getNano() / 1000;
        if (micros != 0) {
            String frac = String.format(java.util.Locale.ROOT, "%06d", micros).replaceAll("0+$", "");
            base = base + "." + frac;
        }
        return base + "+00:00";
    }

    /** A flat JSON object of string values, keys in the map's order. */
    public static String json(Map<String, String> values) {
        StringBuilder sb = new StringBuilder("{");
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (sb.length() > 1) {
                sb.append(',');
            }
            quote(sb, e.getKey());
            sb.append(':');
            quote(sb, e.getValue());
        }
        return sb.append('}').toString();
    }

    private static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
