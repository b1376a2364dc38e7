package org.tvm.adapter.mybatis.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Fails the build if any mapper XML interpolates text with {@code ${...}} (SQL injection): every value is bound with
 * {@code #{...}}. The only place where {@code ${}} would be tolerated is an allow-listed sort-column fragment; this
 * adapter has none (keyset paging uses fixed orders), so the allow-list is empty.
 */
class MapperXmlSafetyTest {

    /** Fragment ids ({@code <sql id="...">}) allowed to contain ${...}: sort columns chosen from a Java enum only. */
    private static final Set<String> ALLOWED_SORT_FRAGMENTS = Set.of();

    private static final Pattern DOLLAR = Pattern.compile("\\$\\{");
    private static final Pattern SQL_FRAGMENT = Pattern.compile("<sql\\s+id=\"([^\"]+)\"[^>]*>(.*?)</sql>", Pattern.DOTALL);

    @Test
    void everyMapperHasItsXmlAtTheSameResourcePath() {
        assertThat(MapperTablesTest.registeredMappers()).isNotEmpty();
        for (Class<?> mapper : MapperTablesTest.registeredMappers()) {
            assertThat(mapper.getResource(mapper.getSimpleName() + ".xml")).as(mapper.getName()).isNotNull();
        }
    }

    @Test
    void noMapperXmlUsesDollarInterpolationOutsideAnAllowListedSortFragment() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Class<?> mapper : MapperTablesTest.registeredMappers()) {
            String xml = read(mapper);
            String outsideAllowed = xml;
            Matcher fragments = SQL_FRAGMENT.matcher(xml);
            while (fragments.find()) {
                if (ALLOWED_SORT_FRAGMENTS.contains(fragments.group(1))) {
                    outsideAllowed = outsideAllowed.replace(fragments.group(0), "");
                }
            }
            Matcher m = DOLLAR.matcher(outsideAllowed);
            while (m.find()) {
                int line = outsideAllowed.substring(0, m.start()).split("\n", -1).length;
                violations.add(mapper.getSimpleName() + ".xml line " + line);
            }
        }
        assertThat(violations).as("${...} interpolation in mapper XML").isEmpty();
    }

    @Test
    void theScannerDetectsInterpolation() {
        assertThat(DOLLAR.matcher("SELECT * FROM t ORDER BY ${column}").find()).isTrue();
        assertThat(DOLLAR.matcher("SELECT * FROM t WHERE id = #{id}").find()).isFalse();
    }

    private static String read(Class<?> mapper) throws IOException {
        try (InputStream in = mapper.getResourceAsStream(mapper.getSimpleName() + ".xml")) {
            assertThat(in).as(mapper.getSimpleName() + ".xml").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
