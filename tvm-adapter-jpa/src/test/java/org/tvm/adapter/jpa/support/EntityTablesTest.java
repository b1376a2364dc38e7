package org.tvm.adapter.jpa.support;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Table;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.tvm.testkit.db.SchemaTables;
import org.tvm.testkit.db.TestDatabases;

/**
 * The scanned entities are checked, never counted by hand: the mapped classes ({@code @Entity}, {@code @Embeddable},
 * {@code @MappedSuperclass}) of the whole adapter are exactly {@link HibernateBootstrap#entities()} (what Hibernate's
 * scanner found in the entity package), so one in another package fails here instead of going unmapped; every
 * entity's table exists in the migrated schema, and every table of the schema is mapped or named (with the reason it
 * is not) here or, for tables no port stores, in {@link SchemaTables#WITHOUT_PORT}.
 */
class EntityTablesTest {

    private static final String ADAPTER_PACKAGE = "org.tvm.adapter.jpa";

    /**
     * Tables of the schema without an entity, and why: those no port stores ({@link SchemaTables#WITHOUT_PORT}), and
     * the one this adapter reads through a view.
     */
    static final Map<String, String> UNMAPPED = withoutPortAnd(
            "audit_logs", "appended by native inserts (JpaAuditRepository) and the triggers; read through the "
                    + "audit_entries view (AuditLogEntity)");

    @Test
    void everyEntityIsScannedAndEveryTableIsMappedOrExplained() throws Exception {
        // the whole adapter is walked, so an entity in the wrong package is still found (and fails: it is not scanned)
        Path adapterRoot = Path.of(HibernateBootstrap.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path classes = adapterRoot.resolve(ADAPTER_PACKAGE.replace('.', '/'));
        Set<Class<?>> annotated = new java.util.HashSet<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = adapterRoot.relativize(f).toString().replace(".class", "").replace(f.getFileSystem().getSeparator(), ".");
                Class<?> type = Class.forName(name);
                if (type.isAnnotationPresent(Entity.class) || type.isAnnotationPresent(Embeddable.class)
                        || type.isAnnotationPresent(MappedSuperclass.class)) {
                    annotated.add(type);
                }
            }
        }
        List<Class<?>> scanned = new ArrayList<>();
        for (String name : HibernateBootstrap.entities()) {
            scanned.add(Class.forName(name));
        }
        assertThat(annotated).isNotEmpty().containsExactlyInAnyOrderElementsOf(scanned);

        Set<String> mapped = scanned.stream().filter(c -> c.isAnnotationPresent(Entity.class))
                .map(e -> e.getAnnotation(Table.class).name())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> schema = schemaTables();
        Set<String> readable = new TreeSet<>(schema);
        readable.addAll(SchemaTables.views(TestDatabases.h2().dataSource()));
        assertThat(readable).containsAll(mapped);
        Set<String> unmapped = new TreeSet<>(schema);
        unmapped.removeAll(mapped);
        assertThat(unmapped).as("tables without an entity").containsExactlyInAnyOrderElementsOf(UNMAPPED.keySet());
    }

    private static Map<String, String> withoutPortAnd(String table, String why) {
        Map<String, String> all = new java.util.HashMap<>(SchemaTables.WITHOUT_PORT);
        if (all.put(table, why) != null) {
            throw new IllegalStateException(table + " is already in SchemaTables.WITHOUT_PORT; name it once");
        }
        return Map.copyOf(all);
    }

    /** Base tables of the migrated schema (H2 has the same tables as PostgreSQL: the H2 parity test). */
    static Set<String> schemaTables() throws Exception {
        return SchemaTables.of(TestDatabases.h2().dataSource());
    }
}
