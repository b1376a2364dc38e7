package org.tvm.adapter.mybatis.type;

import org.tvm.adapter.sql.GeometryCodec;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.ibatis.type.BaseTypeHandler;
import org.apache.ibatis.type.JdbcType;
import org.apache.ibatis.type.TypeHandlerRegistry;
import org.tvm.adapter.sql.JsonDetailsCodec;
import org.tvm.domain.GeoPoint;
import org.tvm.domain.fleet.VehicleLocation;
import org.tvm.domain.json.JsonObject;
import org.tvm.adapter.mybatis.support.SqlDialect;

/**
 * The adapter's MyBatis type handlers (the handlers stay package-private: MyBatis gets registered instances, never
 * class names).
 * Each handler binds the dialect-neutral way where one exists and asks {@link SqlDialect} only where PostgreSQL needs
 * untyped ({@code Types.OTHER}) binding: uuid, jsonb, inet and geography.
 */
public final class TypeHandlers {

    private TypeHandlers() {
    }

    /** Registers every handler for its Java type (inet: String with jdbcType OTHER, used explicitly in the XML). */
    public static void registerAll(TypeHandlerRegistry registry, SqlDialect dialect) {
        registry.register(UUID.class, new UuidHandler(dialect));
        registry.register(Instant.class, new InstantHandler());
        registry.register(GeoPoint.class, new GeoPointHandler(dialect));
        registry.register(VehicleLocation.class, new VehicleLocationJsonHandler(dialect));
        registry.register(JsonObject.class, new JsonDetailsHandler(dialect));
        registry.register(Map.class, new JsonMapHandler(dialect));
        registry.register(List.class, new TextArrayHandler());
        registry.register(String.class, JdbcType.OTHER, new InetHandler(dialect));
    }

    // ------------------------------------------------------------------------------------------------ UUID

    static final class UuidHandler extends BaseTypeHandler<UUID> {
        private final SqlDialect dialect;

        UuidHandler(SqlDialect dialect) {
            this.dialect = dialect;
        }

        @Override
        public void setNonNullParameter(PreparedStatement ps, int i, UUID value, JdbcType jdbcType) throws SQLException {
            if (dialect.bindsOtherTypes()) {
                ps.setObject(i, value, Types.OTHER);
            } else {
                ps.setObject(i, value);
            }
        }

        @Override
        public void setParameter(PreparedStatement ps, int i, UUID value, JdbcType jdbcType) throws SQLException {
            if (value == null) {
                ps.setNull(i, dialect.bindsOtherTypes() ? Types.OTHER : Types.NULL);
            } else {
                setNonNullParameter(ps, i, value, jdbcType);
            }
        }

        @Override
        public UUID getNullableResult(ResultSet rs, String column) throws SQLException {
            return toUuid(rs.getObject(column));
        }

        @Override
        public UUID getNullableResult(ResultSet rs, int index) throws SQLException {
            return toUuid(rs.getObject(index));
        }

        @Override
        public UUID getNullableResult(CallableStatement cs, int index) throws SQLException {
            return toUuid(cs.getObject(index));
        }

        private static UUID toUuid(Object o) {
            if (o == null) {
                return null;
            }
            return o instanceof UUID u ? u : UUID.fromString(o.toString());
        }
    }

    // ------------------------------------------------------------------------------------------------ Instant

    /** timestamptz as OffsetDateTime in UTC: exact to the microsecond on both databases, no JVM zone involved. */
    static final class InstantHandler extends BaseTypeHandler<Instant> {
        @Override
        public void setNonNullParameter(PreparedStatement ps, int i, Instant value, JdbcType jdbcType) throws SQLException {
            ps.setObject(i, OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
        }

        @Override
        public void setParameter(PreparedStatement ps, int i, Instant value, JdbcType jdbcType) throws SQLException {
            if (value == null) {
                ps.setNull(i, Types.TIMESTAMP_WITH_TIMEZONE);
            } else {
                setNonNullParameter(ps, i, value, jdbcType);
            }
        }

        @Override
        public Instant getNullableResult(ResultSet rs, String column) throws SQLException {
            OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
            return t == null ? null : t.toInstant();
        }

        @Override
        public Instant getNullableResult(ResultSet rs, int index) throws SQLException {
            OffsetDateTime t = rs.getObject(index, OffsetDateTime.class);
            return t == null ? null : t.toInstant();
        }

        @Override
        public Instant getNullableResult(CallableStatement cs, int index) throws SQLException {
            OffsetDateTime t = cs.getObject(index, OffsetDateTime.class);
            return t == null ? null : t.toInstant();
        }
    }

    // ------------------------------------------------------------------------------------------------ JSON

    /**
     * Columns read back as text (jsonb, geography, inet) whose PostgreSQL parameters are bound untyped: the null
     * binding and the three read paths are the same for all of them; subclasses convert text and bind values.
     */
    abstract static class TextReadHandler<T> extends BaseTypeHandler<T> {
        final SqlDialect dialect;
        private final int nullTypeWithoutOther;

        TextReadHandler(SqlDialect dialect, int nullTypeWithoutOther) {
            this.dialect = dialect;
            this.nullTypeWithoutOther = nullTypeWithoutOther;
        }

        /** @param text non-null column text */
        abstract T fromText(String text);

        @Override
        public void setParameter(PreparedStatement ps, int i, T value, JdbcType jdbcType) throws SQLException {
            if (value == null) {
                ps.setNull(i, dialect.bindsOtherTypes() ? Types.OTHER : nullTypeWithoutOther);
            } else {
                setNonNullParameter(ps, i, value, jdbcType);
            }
        }

        @Override
        public T getNullableResult(ResultSet rs, String column) throws SQLException {
            return read(rs.getString(column));
        }

        @Override
        public T getNullableResult(ResultSet rs, int index) throws SQLException {
            return read(rs.getString(index));
        }

        @Override
        public T getNullableResult(CallableStatement cs, int index) throws SQLException {
            return read(cs.getString(index));
        }

        private T read(String text) {
            return text == null ? null : fromText(text);
        }
    }

    /**
     * JSON documents: PostgreSQL jsonb is bound as untyped text; H2's JSON type is bound as UTF-8 bytes (a Java String
     * would be stored as a JSON <em>string</em> there).
     */
    abstract static class JsonHandler<T> extends TextReadHandler<T> {
        JsonHandler(SqlDialect dialect) {
            super(dialect, Types.NULL);
        }

        abstract String toJson(T value);

        abstract T fromJson(String json);

        @Override
        public void setNonNullParameter(PreparedStatement ps, int i, T value, JdbcType jdbcType) throws SQLException {
            String json = toJson(value);
            if (dialect.bindsOtherTypes()) {
                ps.setObject(i, json, Types.OTHER);
            } else {
                ps.setBytes(i, json.getBytes(StandardCharsets.UTF_8));
            }
        }

        @Override
        T fromText(String json) {
            return fromJson(json);
        }
    }

    /** maps.data: a flat object of strings (the map payload). */
    static final class JsonMapHandler extends JsonHandler<Map<String, String>> {
        private static final ObjectMapper JSON = new ObjectMapper();
        private static final TypeReference<LinkedHashMap<String, String>> MAP = new TypeReference<>() {
        };

        JsonMapHandler(SqlDialect dialect) {
            super(dialect);
        }

        @Override
        String toJson(Map<String, String> value) {
            try {
                return JSON.writeValueAsString(value);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot serialise a map payload", e);
            }
        }

        @Override
        Map<String, String> fromJson(String json) {
            try {
                Map<String, String> map = JSON.readValue(json, MAP);
                return map == null ? Map.of() : Collections.unmodifiableMap(map);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored map payload is not a JSON object of strings", e);
            }
        }
    }

    /** details columns: any JSON object, through the codec both SQL adapters share. */
    static final class JsonDetailsHandler extends JsonHandler<JsonObject> {
        JsonDetailsHandler(SqlDialect dialect) {
            super(dialect);
        }

        @Override
        String toJson(JsonObject value) {
            return JsonDetailsCodec.write(value);
        }

        @Override
        JsonObject fromJson(String json) {
            return JsonDetailsCodec.read(json);
        }
    }

    /** vehicles.current_location: the spec's {"lat":..,"lon":..,"zone":..} document (format owned by the domain). */
    static final class VehicleLocationJsonHandler extends JsonHandler<VehicleLocation> {
        VehicleLocationJsonHandler(SqlDialect dialect) {
            super(dialect);
        }

        @Override
        String toJson(VehicleLocation value) {
            return value.toJson();
        }

        @Override
        VehicleLocation fromJson(String json) {
            return VehicleLocation.fromJson(json);
        }
    }

    // ------------------------------------------------------------------------------------------------ geography

    /**
     * geography(Point,4326) / H2 GEOMETRY(POINT,4326), through the shared {@link GeometryCodec}: written as exact EWKT
     * (untyped on PostgreSQL so PostGIS parses it), read from PostGIS hex EWKB or H2 EWKT.
     */
    static final class GeoPointHandler extends TextReadHandler<GeoPoint> {
        GeoPointHandler(SqlDialect dialect) {
            super(dialect, Types.NULL);
        }

        @Override
        public void setNonNullParameter(PreparedStatement ps, int i, GeoPoint value, JdbcType jdbcType) throws SQLException {
            if (dialect.bindsOtherTypes()) {
                ps.setObject(i, GeometryCodec.ewkt(value), Types.OTHER);
            } else {
                ps.setString(i, GeometryCodec.ewkt(value));
            }
        }

        @Override
        GeoPoint fromText(String text) {
            return GeometryCodec.readPoint(text);
        }
    }

    // ------------------------------------------------------------------------------------------------ text[]

    /** VARCHAR(100)[] (PostgreSQL) / VARCHAR(100) ARRAY (H2) as an immutable List of String. */
    static final class TextArrayHandler extends BaseTypeHandler<List<String>> {
        @Override
        public void setNonNullParameter(PreparedStatement ps, int i, List<String> value, JdbcType jdbcType)
                throws SQLException {
            ps.setArray(i, ps.getConnection().createArrayOf("varchar", value.toArray(new String[0])));
        }

        @Override
        public void setParameter(PreparedStatement ps, int i, List<String> value, JdbcType jdbcType) throws SQLException {
            if (value == null) {
                ps.setNull(i, Types.ARRAY);
            } else {
                setNonNullParameter(ps, i, value, jdbcType);
            }
        }

        @Override
        public List<String> getNullableResult(ResultSet rs, String column) throws SQLException {
            return toList(rs.getArray(column));
        }

        @Override
        public List<String> getNullableResult(ResultSet rs, int index) throws SQLException {
            return toList(rs.getArray(index));
        }

        @Override
        public List<String> getNullableResult(CallableStatement cs, int index) throws SQLException {
            return toList(cs.getArray(index));
        }

        private static List<String> toList(Array array) throws SQLException {
            if (array == null) {
                return null;
            }
            try {
                Object[] values = (Object[]) array.getArray();
                List<String> out = new ArrayList<>(values.length);
                for (Object v : values) {
                    out.add(v == null ? null : v.toString());
                }
                return Collections.unmodifiableList(out);
            } finally {
                array.free();
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ inet

    /** INET (PostgreSQL, bound untyped so the server parses it) / VARCHAR(45) (H2). Use with jdbcType=OTHER. */
    static final class InetHandler extends TextReadHandler<String> {
        InetHandler(SqlDialect dialect) {
            super(dialect, Types.VARCHAR);
        }

        @Override
        public void setNonNullParameter(PreparedStatement ps, int i, String value, JdbcType jdbcType) throws SQLException {
            if (dialect.bindsOtherTypes()) {
                ps.setObject(i, value, Types.OTHER);
            } else {
                ps.setString(i, value);
            }
        }

        @Override
        String fromText(String text) {
            return stripHostMask(text);
        }

        private static String stripHostMask(String s) {
            if (s == null) {
                return null;
            }
            if (s.endsWith("/32") || s.endsWith("/128")) {
                return s.substring(0, s.lastIndexOf('/'));
            }
            return s;
        }
    }

    static String plain(double d) {
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
}
