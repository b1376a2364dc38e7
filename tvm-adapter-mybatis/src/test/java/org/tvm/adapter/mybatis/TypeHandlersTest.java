package org.tvm.adapter.mybatis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tvm.domain.GeoPoint;

/** Pure checks of the value encodings the handlers rely on (the COPY encoding is tested in tvm-adapter-sql). */
class TypeHandlersTest {

    @Test
    void geoPointsParseFromPostgisHexEwkbAndH2Ewkt() {
        // SELECT 'SRID=4326;POINT(13.405 52.52)'::geography  ->  PostGIS hex EWKB (little endian, with SRID)
        assertThat(TypeHandlers.GeoPointHandler.parse("0101000020E61000008FC2F5285CCF2A40C3F5285C8F424A40"))
                .isEqualTo(GeoPoint.of(52.52, 13.405));
        assertThat(TypeHandlers.GeoPointHandler.parse("SRID=4326;POINT (13.405 52.52)")).isEqualTo(GeoPoint.of(52.52, 13.405));
        assertThat(TypeHandlers.GeoPointHandler.ewkt(GeoPoint.of(-0.0000001, 179.9999999)))
                .isEqualTo("SRID=4326;POINT(179.9999999 -0.0000001)");
    }
}
