package org.tvm.adapter.sql;

import java.math.BigDecimal;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.io.WKTWriter;
import org.tvm.domain.GeoPoint;

/**
 * Geometry values between the domain ({@link GeoPoint}) and the databases' spatial columns (PostGIS
 * {@code geography(Point,4326)}, H2 {@code GEOMETRY(POINT,4326)}), with JTS doing the parsing:
 * <ul>
 *   <li>written as EWKT {@code SRID=4326;POINT(lon lat)} with every double in its shortest exact decimal form
 *       (PostGIS parses it from an untyped parameter, H2 converts the string), so a point reloads equal;</li>
 *   <li>read from whatever the driver hands back: a JTS {@link Geometry} (H2), hex EWKB text (PostGIS), EWKB bytes or
 *       EWKT text.</li>
 * </ul>
 * An empty point (or NaN coordinates) reads as null; anything but a point is refused.
 */
public final class GeometryCodec {

    /** WGS-84, the spatial reference of every spatial column. */
    public static final int SRID = 4326;

    private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), SRID);

    private GeometryCodec() {
    }

    /** @return the JTS point (x = longitude, y = latitude, SRID 4326), or null for null */
    public static Point point(GeoPoint p) {
        if (p == null) {
            return null;
        }
        Point point = WGS84.createPoint(new Coordinate(p.longitude(), p.latitude()));
        point.setSRID(SRID);
        return point;
    }

    /**
     * @return the domain point of a JTS point, or null for null, an empty point or NaN coordinates
     * @throws IllegalStateException if the geometry is not a point (a stored value the schema does not allow)
     */
    public static GeoPoint geoPoint(Geometry g) {
        if (g == null || g.isEmpty()) {
            return null;
        }
        if (!(g instanceof Point p)) {
            throw new IllegalStateException("stored geometry is a " + g.getGeometryType() + ", not a point");
        }
        if (Double.isNaN(p.getX()) || Double.isNaN(p.getY())) {
            return null;
        }
        return new GeoPoint(p.getY(), p.getX());
    }

    /** @return {@code SRID=4326;POINT(lon lat)} with exact shortest decimals, or null for null */
    public static String ewkt(GeoPoint p) {
        return p == null ? null : "SRID=" + SRID + ";POINT(" + plain(p.longitude()) + " " + plain(p.latitude()) + ")";
    }

    /** @return EWKT of any JTS geometry (points exactly as {@link #ewkt(GeoPoint)}), or null for null */
    public static String ewkt(Geometry g) {
        if (g == null) {
            return null;
        }
        if (g instanceof Point && !g.isEmpty()) {
            return ewkt(geoPoint(g));
        }
        return "SRID=" + (g.getSRID() == 0 ? SRID : g.getSRID()) + ";" + new WKTWriter().write(g);
    }

    /**
     * @param value what a driver returned for a spatial column: null, a JTS geometry, EWKB bytes, or text (hex
     *              (E)WKB or (E)WKT)
     * @return the geometry with its SRID (4326 when the value carries none), or null for null
     * @throws IllegalArgumentException if the value cannot be read as a geometry (the message never echoes it)
     */
    public static Geometry read(Object value) {
        if (value == null || value instanceof Geometry) {
            return (Geometry) value;
        }
        try {
            Geometry g;
            if (value instanceof byte[] bytes) {
                g = new WKBReader(WGS84).read(bytes);
            } else {
                String text = value.toString().trim();
                g = isHex(text) ? new WKBReader(WGS84).read(WKBReader.hexToBytes(text)) : readText(text);
            }
            if (g.getSRID() == 0) {
                g.setSRID(SRID);
            }
            return g;
        } catch (ParseException | RuntimeException e) {
            throw new IllegalArgumentException("unreadable stored geometry (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** @return {@link #geoPoint(Geometry) geoPoint}({@link #read(Object) read}(value)) */
    public static GeoPoint readPoint(Object value) {
        return geoPoint(read(value));
    }

    private static Geometry readText(String text) throws ParseException {
        int srid = SRID;
        String wkt = text;
        if (wkt.regionMatches(true, 0, "SRID=", 0, 5)) {
            int semicolon = wkt.indexOf(';');
            if (semicolon < 0) {
                throw new ParseException("SRID without geometry");
            }
            srid = Integer.parseInt(wkt.substring(5, semicolon).trim());
            wkt = wkt.substring(semicolon + 1);
        }
        Geometry g = new WKTReader(WGS84).read(wkt);
        g.setSRID(srid);
        return g;
    }

    private static boolean isHex(String text) {
        if (text.isEmpty() || text.length() % 2 != 0) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (Character.digit(text.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private static String plain(double d) {
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
}
