package org.tvm.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The suite's list of contracts is checked, not counted by hand: every {@code *Contract} class of this package is
 * registered exactly once as a {@code @Nested} class of {@link TvmContractSuite}, so a new contract cannot be forgotten
 * by the adapters' suites.
 */
class ContractRegistryTest {

    @Test
    void everyContractOfThePackageRunsInTheSuiteExactlyOnce() throws IOException, URISyntaxException {
        Path dir = Path.of(TvmContractSuite.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve(TvmContractSuite.class.getPackageName().replace('.', '/'));
        Set<String> contracts;
        try (Stream<Path> files = Files.list(dir)) {
            contracts = files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith("Contract.class") && !n.contains("$"))
                    .map(n -> n.substring(0, n.length() - ".class".length()))
                    .collect(Collectors.toSet());
        }
        var nested = Arrays.stream(TvmContractSuite.class.getDeclaredClasses())
                .filter(c -> c.isAnnotationPresent(Nested.class)).toList();
        Set<String> registered = nested.stream().map(c -> c.getSuperclass().getSimpleName()).collect(Collectors.toSet());

        assertThat(contracts).isNotEmpty();
        // these two build persistences with options of their own (login safety, ambient host transactions), so each
        // adapter runs them with a subclass of its own instead of through the suite's shared subject
        Set<String> perAdapter = Set.of("StartupSafetyContract", "AmbientHostTransactionContract");
        assertThat(contracts).containsAll(perAdapter);
        assertThat(registered).isEqualTo(contracts.stream().filter(c -> !perAdapter.contains(c)).collect(Collectors.toSet()));
        assertThat(nested).hasSameSizeAs(registered);
        nested.forEach(c -> assertThat(Modifier.isAbstract(c.getSuperclass().getModifiers()))
                .as("%s is abstract (a subject must be supplied)", c.getSuperclass().getSimpleName()).isTrue());
    }
}
