package org.tvm.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tvm.adapter.jpa.LeakingJpaFactoryFixture;
import org.tvm.adapter.jpa.archfixture.JpaFixtureUsingMyBatisAdapter;
import org.tvm.adapter.jpa.archfixture.MisplacedEntityFixture;
import org.tvm.adapter.mybatis.RowLeakingFactoryFixture;
import org.tvm.adapter.mybatis.archfixture.MisplacedFixtureRow;
import org.tvm.adapter.mybatis.archfixture.MyBatisFixtureUsingJpaAdapter;
import org.tvm.adapter.sql.archfixture.SqlSupportUsingAnAdapterFixture;
import org.tvm.domain.archfixture.DomainFixtureUsingALibrary;
import org.tvm.examples.archfixture.HibernateOutsideTheJpaAdapterFixture;
import org.tvm.examples.archfixture.JpaAdapterInternalsOutsideItFixture;
import org.tvm.examples.archfixture.MyBatisAdapterInternalsOutsideItFixture;
import org.tvm.examples.archfixture.MyBatisOutsideTheMyBatisAdapterFixture;
import org.tvm.ports.archfixture.PortFixtureUsingMigrations;
import org.tvm.ports.archfixture.PortFixtureUsingTestkit;

/**
 * Checks every rule against the production classes of all modules, and shows that each rule
 * fails on a deliberately broken fixture (test sources only), so a rule cannot pass vacuously.
 */
class ArchitectureTest {

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.tvm");
    }

    @Test
    void productionClassesOfEveryModuleAreImported() {
        assertThat(production.stream().map(c -> c.getPackageName()))
                .anyMatch(p -> p.startsWith("org.tvm.domain"))
                .anyMatch(p -> p.startsWith("org.tvm.ports"))
                .anyMatch(p -> p.startsWith("org.tvm.migrations"))
                .anyMatch(p -> p.startsWith("org.tvm.adapter.sql"))
                .anyMatch(p -> p.startsWith("org.tvm.examples"));
    }

    static Stream<ArchRule> rules() {
        return ArchitectureRules.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void productionCodeFollowsTheRule(ArchRule rule) {
        rule.check(production);
    }

    static Stream<Arguments> brokenFixtures() {
        return Stream.of(
                Arguments.of(ArchitectureRules.DOMAIN_IS_JDK_ONLY, DomainFixtureUsingALibrary.class),
                Arguments.of(ArchitectureRules.PORTS_DEPEND_ONLY_ON_DOMAIN, PortFixtureUsingMigrations.class),
                Arguments.of(ArchitectureRules.JPA_ONLY_IN_JPA_ADAPTER, HibernateOutsideTheJpaAdapterFixture.class),
                Arguments.of(ArchitectureRules.MYBATIS_ONLY_IN_MYBATIS_ADAPTER, MyBatisOutsideTheMyBatisAdapterFixture.class),
                Arguments.of(ArchitectureRules.JPA_ADAPTER_INDEPENDENT_OF_MYBATIS_ADAPTER, JpaFixtureUsingMyBatisAdapter.class),
                Arguments.of(ArchitectureRules.MYBATIS_ADAPTER_INDEPENDENT_OF_JPA_ADAPTER, MyBatisFixtureUsingJpaAdapter.class),
                Arguments.of(ArchitectureRules.JPA_ADAPTER_INTERNALS_STAY_INSIDE_IT, JpaAdapterInternalsOutsideItFixture.class),
                Arguments.of(ArchitectureRules.MYBATIS_ADAPTER_INTERNALS_STAY_INSIDE_IT, MyBatisAdapterInternalsOutsideItFixture.class),
                Arguments.of(ArchitectureRules.ENTITIES_STAY_INSIDE_THE_JPA_ADAPTER, MisplacedEntityFixture.class),
                Arguments.of(ArchitectureRules.ROWS_STAY_INSIDE_THE_MYBATIS_ADAPTER, MisplacedFixtureRow.class),
                Arguments.of(ArchitectureRules.ADAPTER_API_SPEAKS_PORT_TYPES, LeakingJpaFactoryFixture.class),
                Arguments.of(ArchitectureRules.ADAPTER_API_EXPOSES_NO_INTERNALS, RowLeakingFactoryFixture.class),
                Arguments.of(ArchitectureRules.TESTKIT_STAYS_OUT_OF_PRODUCTION_CODE, PortFixtureUsingTestkit.class),
                Arguments.of(ArchitectureRules.SQL_SUPPORT_INDEPENDENT_OF_ADAPTERS, SqlSupportUsingAnAdapterFixture.class));
    }

    @ParameterizedTest(name = "{0} fails on {1}")
    @MethodSource("brokenFixtures")
    void ruleFailsWhenBroken(ArchRule rule, Class<?> brokenFixture) {
        EvaluationResult result = rule.evaluate(new ClassFileImporter().importClasses(brokenFixture));
        assertThat(result.hasViolation()).as("rule must reject %s", brokenFixture.getSimpleName()).isTrue();
        assertThat(result.getFailureReport().getDetails()).anyMatch(line -> line.contains(brokenFixture.getSimpleName()));
    }

    @Test
    void everyRuleHasABrokenFixture() {
        assertThat(brokenFixtures().map(a -> a.get()[0])).containsExactlyInAnyOrderElementsOf(ArchitectureRules.all());
    }
}
