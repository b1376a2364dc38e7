package org.tvm.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.stream.Stream;

/** The dependency rules of ARCHITECTURE.md §1, as executable ArchUnit rules. */
final class ArchitectureRules {

    private ArchitectureRules() {
    }

    static final ArchRule DOMAIN_IS_JDK_ONLY = classes()
            .that().resideInAPackage("org.tvm.domain..")
            // javax.crypto is the JDK's too: the audit chain's checkpoint HMAC (org.tvm.domain.audit.AuditChain)
            .should().onlyDependOnClassesThat().resideInAnyPackage("org.tvm.domain..", "java..", "javax.crypto..")
            .because("tvm-domain is pure Java: it depends on the JDK only");

    static final ArchRule PORTS_DEPEND_ONLY_ON_DOMAIN = classes()
            .that().resideInAPackage("org.tvm.ports..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("org.tvm.ports..", "org.tvm.domain..", "java..", "javax.crypto..")
            .because("tvm-ports depends only on tvm-domain (and the JDK)");

    static final ArchRule JPA_ONLY_IN_JPA_ADAPTER = noClasses()
            .that().resideOutsideOfPackage("org.tvm.adapter.jpa..")
            .and().resideInAPackage("org.tvm..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "org.hibernate..")
            .because("jakarta.persistence and org.hibernate belong to tvm-adapter-jpa only");

    static final ArchRule MYBATIS_ONLY_IN_MYBATIS_ADAPTER = noClasses()
            .that().resideOutsideOfPackage("org.tvm.adapter.mybatis..")
            .and().resideInAPackage("org.tvm..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.ibatis..")
            .because("org.apache.ibatis belongs to tvm-adapter-mybatis only");

    static final ArchRule JPA_ADAPTER_INDEPENDENT_OF_MYBATIS_ADAPTER = noClasses()
            .that().resideInAPackage("org.tvm.adapter.jpa..")
            .should().dependOnClassesThat().resideInAPackage("org.tvm.adapter.mybatis..")
            .allowEmptyShould(true)
            .because("the two adapters never depend on each other");

    static final ArchRule MYBATIS_ADAPTER_INDEPENDENT_OF_JPA_ADAPTER = noClasses()
            .that().resideInAPackage("org.tvm.adapter.mybatis..")
            .should().dependOnClassesThat().resideInAPackage("org.tvm.adapter.jpa..")
            .allowEmptyShould(true)
            .because("the two adapters never depend on each other");

    static final ArchRule SQL_SUPPORT_INDEPENDENT_OF_ADAPTERS = noClasses()
            .that().resideInAPackage("org.tvm.adapter.sql..")
            .should().dependOnClassesThat().resideInAnyPackage("org.tvm.adapter.jpa..", "org.tvm.adapter.mybatis..",
                    "org.tvm.testkit..")
            .because("tvm-adapter-sql is what both SQL adapters share: it depends on neither, nor on the testkit");

    /** The sub-packages of the JPA adapter (entity, mapping, repository, support): not its root package. */
    private static final String JPA_ADAPTER_INTERNALS = "org.tvm.adapter.jpa.*..";

    /** The sub-packages of the MyBatis adapter (row, mapper, mapping, type, repository, support). */
    private static final String MYBATIS_ADAPTER_INTERNALS = "org.tvm.adapter.mybatis.*..";

    // Java has no visibility "inside this module": a class of a sub-package that another package of its adapter uses
    // must be public. These two rules give such classes the visibility the language cannot.
    static final ArchRule JPA_ADAPTER_INTERNALS_STAY_INSIDE_IT = noClasses()
            .that().resideOutsideOfPackage("org.tvm.adapter.jpa..")
            .should().dependOnClassesThat().resideInAPackage(JPA_ADAPTER_INTERNALS)
            .because("the sub-packages of tvm-adapter-jpa are public only for the adapter's own packages: "
                    + "everything else sees JpaTvmPersistence");

    static final ArchRule MYBATIS_ADAPTER_INTERNALS_STAY_INSIDE_IT = noClasses()
            .that().resideOutsideOfPackage("org.tvm.adapter.mybatis..")
            .should().dependOnClassesThat().resideInAPackage(MYBATIS_ADAPTER_INTERNALS)
            .because("the sub-packages of tvm-adapter-mybatis are public only for the adapter's own packages: "
                    + "everything else sees MyBatisTvmPersistence");

    static final ArchRule ENTITIES_STAY_INSIDE_THE_JPA_ADAPTER = classes()
            .that().areAnnotatedWith("jakarta.persistence.Entity")
            .or().areAnnotatedWith("jakarta.persistence.Embeddable")
            .or().areAnnotatedWith("jakarta.persistence.MappedSuperclass")
            .should().resideInAPackage("org.tvm.adapter.jpa.entity")
            .allowEmptyShould(true)
            .because("JPA entities are an implementation detail of tvm-adapter-jpa: they are public only for its other "
                    + "packages, and JPA_ADAPTER_INTERNALS_STAY_INSIDE_IT keeps everything else away from its entity package");

    static final ArchRule ROWS_STAY_INSIDE_THE_MYBATIS_ADAPTER = classes()
            .that().resideInAPackage("org.tvm.adapter.mybatis..")
            .and().haveSimpleNameEndingWith("Row")
            .should().resideInAPackage("org.tvm.adapter.mybatis.row")
            .allowEmptyShould(true)
            .because("MyBatis rows are an implementation detail of tvm-adapter-mybatis: they are public only for its other "
                    + "packages, and MYBATIS_ADAPTER_INTERNALS_STAY_INSIDE_IT keeps everything else away from its row package");

    static final ArchRule ADAPTER_API_SPEAKS_PORT_TYPES = methods()
            .that().areDeclaredInClassesThat().resideInAnyPackage("org.tvm.adapter..")
            .and().areDeclaredInClassesThat().resideOutsideOfPackages(JPA_ADAPTER_INTERNALS, MYBATIS_ADAPTER_INTERNALS)
            .and().areDeclaredInClassesThat().arePublic()
            .and().arePublic()
            .should(notExposeTypesFrom("jakarta.persistence", "org.hibernate", "org.apache.ibatis"))
            .allowEmptyShould(true)
            .because("no Hibernate or MyBatis type leaks through an adapter's public API: users see ports and domain");

    static final ArchRule ADAPTER_API_EXPOSES_NO_INTERNALS = methods()
            .that().areDeclaredInClassesThat().resideInAnyPackage("org.tvm.adapter..")
            .and().areDeclaredInClassesThat().resideOutsideOfPackages(JPA_ADAPTER_INTERNALS, MYBATIS_ADAPTER_INTERNALS)
            .and().areDeclaredInClassesThat().arePublic()
            .and().arePublic()
            // the trailing dot: a sub-package, not the adapter's root package (its public API)
            .should(notExposeTypesFrom("org.tvm.adapter.jpa.", "org.tvm.adapter.mybatis."))
            .allowEmptyShould(true)
            .because("entities, rows and the rest of an adapter's sub-packages stay out of its public API");

    static final ArchRule TESTKIT_STAYS_OUT_OF_PRODUCTION_CODE = noClasses()
            .that().resideInAnyPackage("org.tvm.domain..", "org.tvm.ports..", "org.tvm.migrations..", "org.tvm.adapter..")
            .should().dependOnClassesThat().resideInAPackage("org.tvm.testkit..")
            .because("the testkit tests adapters; production code never needs it");

    static List<ArchRule> all() {
        return List.of(DOMAIN_IS_JDK_ONLY, PORTS_DEPEND_ONLY_ON_DOMAIN, JPA_ONLY_IN_JPA_ADAPTER,
                MYBATIS_ONLY_IN_MYBATIS_ADAPTER, JPA_ADAPTER_INDEPENDENT_OF_MYBATIS_ADAPTER,
                MYBATIS_ADAPTER_INDEPENDENT_OF_JPA_ADAPTER, JPA_ADAPTER_INTERNALS_STAY_INSIDE_IT,
                MYBATIS_ADAPTER_INTERNALS_STAY_INSIDE_IT, ENTITIES_STAY_INSIDE_THE_JPA_ADAPTER,
                ROWS_STAY_INSIDE_THE_MYBATIS_ADAPTER, ADAPTER_API_SPEAKS_PORT_TYPES, ADAPTER_API_EXPOSES_NO_INTERNALS,
                TESTKIT_STAYS_OUT_OF_PRODUCTION_CODE, SQL_SUPPORT_INDEPENDENT_OF_ADAPTERS);
    }

    private static ArchCondition<JavaMethod> notExposeTypesFrom(String... packagePrefixes) {
        return new ArchCondition<>("not expose types from " + String.join(", ", packagePrefixes)) {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                Stream.concat(Stream.of(method.getRawReturnType()), method.getRawParameterTypes().stream())
                        .map(JavaClass::getPackageName)
                        .filter(pkg -> Stream.of(packagePrefixes).anyMatch(pkg::startsWith))
                        .forEach(pkg -> events.add(SimpleConditionEvent.violated(method,
                                method.getFullName() + " exposes a type from " + pkg)));
            }
        };
    }
}
