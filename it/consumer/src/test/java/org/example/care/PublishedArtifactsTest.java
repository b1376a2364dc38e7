package org.example.care;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;

/** Each org.tvm jar this build resolved carries its module name and version, next to its sources and javadoc jars. */
class PublishedArtifactsTest {

    @Test
    void everyResolvedTvmJarHasItsManifestEntriesSourcesAndJavadoc() throws Exception {
        Map<Class<?>, String> modules = Map.of(
                org.tvm.domain.GeoPoint.class, "org.tvm.domain",
                org.tvm.ports.TvmPersistence.class, "org.tvm.ports",
                org.tvm.migrations.TvmMigrations.class, "org.tvm.migrations",
                org.tvm.testkit.PersistenceUnderTest.class, "org.tvm.testkit",
                org.tvm.adapter.jpa.JpaTvmPersistence.class, "org.tvm.adapter.jpa");
        for (Map.Entry<Class<?>, String> module : modules.entrySet()) {
            Path jar = jarOf(module.getKey());
            assertThat(jar.getFileName().toString()).as("resolved from the installed artifacts").endsWith(".jar");
            try (JarFile file = new JarFile(jar.toFile())) {
                Manifest manifest = file.getManifest();
                assertThat(manifest.getMainAttributes().getValue("Automatic-Module-Name")).isEqualTo(module.getValue());
                assertThat(manifest.getMainAttributes().getValue("Implementation-Version")).isNotBlank();
            }
            String base = jar.getFileName().toString().replaceFirst("\\.jar$", "");
            assertThat(jar.resolveSibling(base + "-sources.jar")).exists();
            assertThat(jar.resolveSibling(base + "-javadoc.jar")).exists();
        }
    }

    private static Path jarOf(Class<?> type) throws URISyntaxException, IOException {
        Path location = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertThat(Files.isRegularFile(location)).as(type + " comes from a jar, not a reactor directory").isTrue();
        return location;
    }
}
