package org.tvm.domain.fleet;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.tvm.domain.DomainChecks;
import org.tvm.domain.DomainValidationException;
import org.tvm.domain.GeoPoint;

/**
 * Where a vehicle last reported itself. Stored as the spec's JSONB shape
 * {@code {"lat":..,"lon":..,"zone":..}}; the (de)serialiser lives here so both adapters write the
 * same document without a JSON library in the domain.
 */
public record VehicleLocation(GeoPoint point, String zone) {

    public VehicleLocation {
        DomainChecks.required("VehicleLocation", "point", point);
        DomainChecks.optionalText("VehicleLocation", "zone", zone, 100);
    }

    public static VehicleLocation of(double latitude, double longitude, String zone) {
        return new VehicleLocation(new GeoPoint(latitude, longitude), zone);
    }

    /** The JSONB document, e.g. {@code {"lat":35.6,"lon":139.7,"zone":"Building A"}}. */
    public String toJson() {
        return "{\"lat\":" + number(point.latitude()) + ",\"lon\":" + number(point.longitude()) + ",\"zone\":"
                + (zone == null ? "null" : quote(zone)) + "}";
    }

    /** Parses the document written by {@link #toJson()} (any key order, extra keys ignored). */
    public static VehicleLocation fromJson(String json) {
        Map<String, Object> fields = new FlatJsonParser(json).parseObject();
        Object lat = fields.get("lat");
        Object lon = fields.get("lon");
        Object zone = fields.get("zone");
        if (!(lat instanceof BigDecimal) || !(lon instanceof BigDecimal)) {
            throw new DomainValidationException("VehicleLocation", "json", "needs numeric \"lat\" and \"lon\"");
        }
        if (zone != null && !(zone instanceof String)) {
            throw new DomainValidationException("VehicleLocation", "json", "\"zone\" must be a string or null");
        }
        return of(((BigDecimal) lat).doubleValue(), ((BigDecimal) lon).doubleValue(), (String) zone);
    }

    private static String number(double d) {
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /** Just enough JSON for one flat object of strings, numbers, booleans and nulls. */
    private static final class FlatJsonParser {
        private final String s;
        private int i;

        FlatJsonParser(String s) {
            if (s == null) {
                throw new DomainValidationException("VehicleLocation", "json", "must not be null");
            }
            this.s = s;
        }

        Map<String, Object> parseObject() {
            Map<String, Object> out = new HashMap<>();
            ws();
            expect('{');
            ws();
            if (peek() == '}') {
                i++;
            } else {
                while (true) {
                    ws();
                    String key = string();
                    ws();
                    expect(':');
                    ws();
                    out.put(key, value());
                    ws();
                    char c = next();
                    if (c == '}') {
                        break;
                    }
                    if (c != ',') {
                        throw error();
                    }
                }
            }
            ws();
            if (i != s.length()) {
                throw error();
            }
            return out;
        }

        private Object value() {
            char c = peek();
            if (c == '"') {
                return string();
            }
            if (s.startsWith("null", i)) {
                i += 4;
                return null;
            }
            if (s.startsWith("true", i)) {
                i += 4;
                return Boolean.TRUE;
            }
            if (s.startsWith("false", i)) {
                i += 5;
                return Boolean.FALSE;
            }
            int start = i;
            while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
            try {
                return new BigDecimal(s.substring(start, i));
            } catch (NumberFormatException e) {
                throw error();
            }
        }

        private String string() {
            expect('"');
            StringBuilder sb = new StringBuilder();
            while (true) {
                char c = next();
                if (c == '"') {
                    return sb.toString();
                }
                if (c != '\\') {
                    sb.append(c);
                    continue;
                }
                char e = next();
                switch (e) {
                    case '"', '\\', '/' -> sb.append(e);
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'u' -> {
                        if (i + 4 > s.length()) {
                            throw error();
                        }
                        try {
                            sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        } catch (NumberFormatException ex) {
                            throw error();
                        }
                        i += 4;
                    }
                    default -> throw error();
                }
            }
        }

        private void ws() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        private char peek() {
            if (i >= s.length()) {
                throw error();
            }
            return s.charAt(i);
        }

        private char next() {
            char c = peek();
            i++;
            return c;
        }

        private void expect(char c) {
            if (next() != c) {
                throw error();
            }
        }

        private DomainValidationException error() {
            return new DomainValidationException("VehicleLocation", "json", "is not valid location JSON at offset " + i);
        }
    }
}
