package org.tvm.adapter.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.WKBWriter;
import org.tvm.domain.GeoPoint;

class GeometryCodecTest {

    private static final GeoPoint BERLIN = GeoPoint.of(52.52, 13.405);

    @Test
    void readsWhatEachDriverReturns() {
        // SELECT 'SRID=4326;POINT(13.405 52.52)'::geography  ->  PostGIS hex EWKB (little endian, with SRID)
        assertThat(GeometryCodec.readPoint("0101000020E61000008FC2F5285CCF2A40C3F5285C8F424A40")).isEqualTo(BERLIN);
        // H2: EWKT text, or a JTS geometry
        assertThat(GeometryCodec.readPoint("SRID=4326;POINT (13.405 52.52)")).isEqualTo(BERLIN);
        assertThat(GeometryCodec.readPoint("POINT(13.405 52.52)")).isEqualTo(BERLIN);
        assertThat(GeometryCodec.readPoint(GeometryCodec.point(BERLIN))).isEqualTo(BERLIN);
        // EWKB bytes, big endian, with SRID
        Point p = GeometryCodec.point(BERLIN);
        byte[] ewkb = new WKBWriter(2, org.locationtech.jts.io.ByteOrderValues.BIG_ENDIAN, true).write(p);
        assertThat(GeometryCodec.readPoint(ewkb)).isEqualTo(BERLIN);
        assertThat(GeometryCodec.read(ewkb).getSRID()).isEqualTo(4326);
        assertThat(GeometryCodec.read("SRID=3857;POINT(1 2)").getSRID()).isEqualTo(3857);
    }

    @Test
    void writesExactEwktThatReadsBackEqual() {
        GeoPoint edge = GeoPoint.of(-0.0000001, 179.9999999);
        assertThat(GeometryCodec.ewkt(edge)).isEqualTo("SRID=4326;POINT(179.9999999 -0.0000001)");
        assertThat(GeometryCodec.readPoint(GeometryCodec.ewkt(edge))).isEqualTo(edge);
        assertThat(GeometryCodec.ewkt((Geometry) GeometryCodec.point(edge))).isEqualTo(GeometryCodec.ewkt(edge));
        for (GeoPoint g : new GeoPoint[] {BERLIN, GeoPoint.of(35.6812362, 139.7671248), GeoPoint.of(-90, -180)}) {
            assertThat(GeometryCodec.readPoint(GeometryCodec.ewkt(g))).isEqualTo(g);
            assertThat(GeometryCodec.geoPoint(GeometryCodec.point(g))).isEqualTo(g);
        }
    }

    @Test
    void nullAndEmptyAreAbsentAndOtherShapesAreRefused() {
        assertThat(GeometryCodec.readPoint(null)).isNull();
        assertThat(GeometryCodec.ewkt((GeoPoint) null)).isNull();
        assertThat(GeometryCodec.point(null)).isNull();
        assertThat(GeometryCodec.readPoint("POINT EMPTY")).isNull();
        assertThatThrownBy(() -> GeometryCodec.readPoint("LINESTRING(0 0, 1 1)")).isInstanceOf(IllegalStateException.class);
        Geometry line = new GeometryFactory().createLineString(new Coordinate[] {new Coordinate(0, 0), new Coordinate(1, 1)});
        assertThat(GeometryCodec.ewkt(line)).isEqualTo("SRID=4326;LINESTRING (0 0, 1 1)");
    }

    @Test
    void garbageIsRefusedWithoutEchoingIt() {
        for (Object garbage : new Object[] {"POINT(1", "0101", "SRID=x;POINT(1 2)", new byte[] {1, 2, 3}, "secret-value"}) {
            assertThatThrownBy(() -> GeometryCodec.read(garbage)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("unreadable stored geometry").hasMessageNotContaining("secret");
        }
    }
}
