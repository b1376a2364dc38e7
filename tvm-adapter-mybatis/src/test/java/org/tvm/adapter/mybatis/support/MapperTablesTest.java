package org.tvm.adapter.mybatis.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.tvm.testkit.db.SchemaTables;
import org.tvm.testkit.db.TestDatabases;

/**
 * The mappers are checked, never counted by hand: every mapper XML of the adapter has its interface registered by
 * {@link MyBatisBootstrap} (every interface of {@link MyBatisBootstrap#MAPPER_PACKAGE}) and vice versa, every table the
 * statements name exists in the migrated schema, and every table of the schema is used by a mapper or named (with the
 * reason it is not) in {@link SchemaTables#WITHOUT_PORT}.
 */
class MapperTablesTest {

    /** Tables of the schema no mapper touches: those no port stores (the reasons are given there). */
    static final Map<String, String> UNUSED = SchemaTables.WITHOUT_PORT;

    private static final Pattern TABLE = Pattern.compile("(?i)\\b(?:FROM|JOIN|INTO|UPDATE|TABLE)\\s+([a-z_][a-z0-9_]*)");

    @Test
    void everyMapperIsRegisteredAndEveryTableIsUsedOrExplained() throws Exception {
        // the whole adapter is scanned, so a mapper XML in the wrong package is still found (and must be registered)
        Path xmlDir = Path.of(MyBatisBootstrap.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve("org/tvm/adapter/mybatis");
        Set<String> xmlMappers;
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(xmlDir)) {
            var xmls = files.filter(p -> p.toString().endsWith("Mapper.xml")).toList();
            xmlMappers = xmls.stream().map(p -> p.getFileName().toString().replace(".xml", ""))
                    .collect(Collectors.toCollection(TreeSet::new));
            for (Path xml : xmls) {
                Matcher m = TABLE.matcher(Files.readString(xml, StandardCharsets.UTF_8));
                while (m.find()) {
                    used.add(m.group(1).toLowerCase(Locale.ROOT));
                }
            }
        }
        assertThat(xmlMappers).isNotEmpty().containsExactlyInAnyOrderElementsOf(
                registeredMappers().stream().map(Class::getSimpleName).toList());

        Set<String> schema = schemaTables();
        Set<String> tablesUsed = new TreeSet<>(used);
        tablesUsed.retainAll(schema);
        Set<String> unused = new TreeSet<>(schema);
        unused.removeAll(tablesUsed);
        assertThat(unused).as("tables no mapper statement names").containsExactlyInAnyOrderElementsOf(UNUSED.keySet());
    }

    /** The mapper interfaces {@link MyBatisBootstrap} registers, as MyBatis holds them after a start over H2. */
    static Collection<Class<?>> registeredMappers() {
        DataSource h2 = TestDatabases.h2().dataSource();
        return MyBatisBootstrap.sessionFactory(h2, SqlDialect.of(h2), "mapper-tables").getConfiguration()
                .getMapperRegistry().getMappers();
    }

    /** Base tables of the migrated schema (H2 has the same tables as PostgreSQL: the H2 parity test). */
    static Set<String> schemaTables() throws Exception {
        return SchemaTables.of(TestDatabases.h2().dataSource());
    }
}
