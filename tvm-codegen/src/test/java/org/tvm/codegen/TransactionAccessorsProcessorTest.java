package org.tvm.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles a small port and adapter with the processor, as javac does in a build, and runs what it generated: the
 * accessors check first and hand out one instance each; every unfit implementation is a compile error that names the
 * accessor and the class it expected.
 */
class TransactionAccessorsProcessorTest {

    @TempDir
    Path dir;

    /**
     * A port shaped like the real one: accessors (one inherited, one generic), a method returning no interface, a
     * hand-written accessor.
     */
    private static final Map<String, String> PORT = Map.of(
            "org/tvm/ports/Base.java", "package org.tvm.ports; public interface Base { Baz<String> bazs(); }",
            "org/tvm/ports/Baz.java", "package org.tvm.ports; public interface Baz<T> { }",
            "org/tvm/ports/TvmTransaction.java", """
                    package org.tvm.ports;
                    public interface TvmTransaction extends Base {
                        Context context();
                        boolean readOnly();
                        FooRepository foos();
                        BarQueries bars();
                        default void nothing() { }
                    }""",
            "org/tvm/ports/Context.java", "package org.tvm.ports; public final class Context { }",
            "org/tvm/ports/FooRepository.java", "package org.tvm.ports; public interface FooRepository { }",
            "org/tvm/ports/BarQueries.java", "package org.tvm.ports; public interface BarQueries { }");

    private static final String TRANSACTION = """
            package p;
            import org.tvm.codegen.GenerateTransactionAccessors;
            @GenerateTransactionAccessors(implementation = "X{Port}", check = "check")
            public final class XTransaction extends XTransactionAccessors {
                public int checks;
                void check() { checks++; }
                public org.tvm.ports.Context context() { return new org.tvm.ports.Context(); }
                public boolean readOnly() { return false; }
                public org.tvm.ports.BarQueries bars() { return null; }
            }""";

    private static final String FOO = """
            package p;
            final class XFooRepository implements org.tvm.ports.FooRepository {
                XFooRepository(XTransaction tx) { }
            }""";

    private static final String BAZ = """
            package p;
            final class XBaz implements org.tvm.ports.Baz<String> {
                XBaz(XTransaction tx) { }
            }""";

    @Test
    void generatedAccessorChecksFirstAndKeepsOneInstancePerUnitOfWork() throws Exception {
        Compilation c = compile(Map.of("p/XTransaction.java", TRANSACTION, "p/XFooRepository.java", FOO, "p/XBaz.java",
                BAZ));
        assertThat(c.errors()).isEmpty();
        assertThat(c.generated()).contains("public org.tvm.ports.FooRepository foos()")
                .contains("public org.tvm.ports.Baz<java.lang.String> bazs()")
                .doesNotContain("bars()").doesNotContain("context()");

        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.resolve("classes").toUri().toURL()})) {
            Class<?> tx = loader.loadClass("p.XTransaction");
            Constructor<?> create = tx.getDeclaredConstructor();
            Object unit = create.newInstance();
            Method foos = tx.getMethod("foos");
            Object first = foos.invoke(unit);
            Object second = foos.invoke(unit);
            assertThat(first).isNotNull().isSameAs(second);
            assertThat(first.getClass().getName()).isEqualTo("p.XFooRepository");
            assertThat(tx.getField("checks").getInt(unit)).isEqualTo(2);
            assertThat(foos.invoke(create.newInstance())).isNotSameAs(first);
        }
    }

    @Test
    void missingImplementationIsACompileErrorNamingTheAccessorAndTheClass() throws Exception {
        Compilation c = compile(Map.of("p/XTransaction.java", TRANSACTION));
        assertThat(c.errors()).anySatisfy(e -> assertThat(e)
                .contains("TvmTransaction.foos() has no implementation")
                .contains("write class XFooRepository in package p")
                .contains("or write foos() in XTransaction"));
    }

    @Test
    void implementationOfAnotherPortIsACompileError() throws Exception {
        assertFooFailsToCompile("implements org.tvm.ports.BarQueries { XFooRepository(XTransaction tx) { } }",
                "TvmTransaction.foos(): XFooRepository does not implement org.tvm.ports.FooRepository");
    }

    @Test
    void implementationThatCannotTakeTheUnitOfWorkIsACompileError() throws Exception {
        assertFooFailsToCompile("implements org.tvm.ports.FooRepository { XFooRepository(String other) { } }",
                "XFooRepository has no non-private constructor taking the XTransaction");
    }

    @Test
    void abstractImplementationIsACompileError() throws Exception {
        assertFooFailsToCompile("implements org.tvm.ports.FooRepository { XFooRepository(XTransaction tx) { } }",
                "TvmTransaction.foos(): XFooRepository is abstract", "abstract class");
    }

    @Test
    void classThatDoesNotExtendItsAccessorsIsToldTo() throws Exception {
        Compilation c = compile(Map.of("p/XFooRepository.java", FOO, "p/XBaz.java", BAZ, "p/XTransaction.java",
                TRANSACTION.replace("extends XTransactionAccessors", "implements org.tvm.ports.TvmTransaction")));
        assertThat(c.errors()).anySatisfy(e -> assertThat(e)
                .contains("XTransaction must extend XTransactionAccessors"));
    }

    @Test
    void accessorWrittenByHandWinsAndAPortMethodReturningNoInterfaceIsLeftToTheClass() throws Exception {
        // context() returns a class: not generated, so leaving it out is javac's own error, not a silent gap
        Compilation c = compile(Map.of("p/XFooRepository.java", FOO, "p/XBaz.java", BAZ, "p/XTransaction.java",
                TRANSACTION.replace("public org.tvm.ports.Context context() { return new org.tvm.ports.Context(); }", "")));
        assertThat(c.errors()).anySatisfy(e -> assertThat(e).contains("context()"));
        assertThat(c.generated()).doesNotContain("context()");
    }

    @Test
    void accessorPatternNamesTheClassAfterTheAccessor() throws Exception {
        Compilation c = compile(Map.of("p/XTransaction.java", TRANSACTION.replace("X{Port}", "Y{Accessor}"),
                "p/YFoos.java", "package p; final class YFoos implements org.tvm.ports.FooRepository {"
                        + " YFoos(XTransaction t) { } }",
                "p/YBazs.java", "package p; final class YBazs implements org.tvm.ports.Baz<String> {"
                        + " YBazs(XTransaction t) { } }"));
        assertThat(c.errors()).isEmpty();
        assertThat(c.generated()).contains("new YFoos((XTransaction) this)").contains("new YBazs((XTransaction) this)");
    }

    @Test
    void nestedClassAndBadCheckAreRefused() throws Exception {
        Compilation nested = compile(Map.of("p/Outer.java", "package p; public class Outer { "
                + TRANSACTION.replace("package p;", "").replace("public final class", "final class")
                        .replace("import org.tvm.codegen.GenerateTransactionAccessors;", "")
                        .replace("@GenerateTransactionAccessors", "@org.tvm.codegen.GenerateTransactionAccessors") + " }"));
        assertThat(nested.errors()).anySatisfy(e -> assertThat(e).contains("belongs on a top-level class"));

        Compilation check = compile(Map.of("p/XTransaction.java", TRANSACTION.replace("check = \"check\"", "check = \"class\""),
                "p/XFooRepository.java", FOO, "p/XBaz.java", BAZ));
        assertThat(check.errors()).anySatisfy(e -> assertThat(e).contains("check = \"class\" is not a method name"));
    }

    /** {@code XFooRepository} declared with {@code body} after its name makes the compilation fail with {@code error}. */
    private void assertFooFailsToCompile(String body, String error) throws Exception {
        assertFooFailsToCompile(body, error, "final class");
    }

    private void assertFooFailsToCompile(String body, String error, String kind) throws Exception {
        Compilation c = compile(Map.of("p/XTransaction.java", TRANSACTION,
                "p/XFooRepository.java", "package p; " + kind + " XFooRepository " + body));
        assertThat(c.errors()).anySatisfy(e -> assertThat(e).contains(error));
    }

    /** Compiles the port and {@code sources} with the processor; the classes go to {@code dir/classes}. */
    private Compilation compile(Map<String, String> sources) throws Exception {
        Path src = dir.resolve("src");
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Path generated = Files.createDirectories(dir.resolve("generated"));
        List<Path> files = new ArrayList<>();
        for (Map<String, String> set : List.of(PORT, sources)) {
            for (Map.Entry<String, String> e : set.entrySet()) {
                Path file = src.resolve(e.getKey());
                Files.createDirectories(file.getParent());
                files.add(Files.writeString(file, e.getValue(), StandardCharsets.UTF_8));
            }
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            JavaCompiler.CompilationTask task = javac.getTask(null, fm, diagnostics,
                    List.of("-d", classes.toString(), "-s", generated.toString(), "-classpath",
                            Path.of(GenerateTransactionAccessors.class.getProtectionDomain().getCodeSource().getLocation()
                                    .toURI()).toString()),
                    null, fm.getJavaFileObjectsFromPaths(files));
            task.setProcessors(List.of(new TransactionAccessorsProcessor()));
            task.call();
        }
        List<String> errors = diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(d -> d.getMessage(Locale.ROOT)).toList();
        String text;
        try (Stream<Path> out = Files.walk(generated)) {
            text = out.filter(Files::isRegularFile).map(p -> {
                try {
                    return Files.readString(p);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).collect(Collectors.joining("\n"));
        }
        return new Compilation(errors, text);
    }

    private record Compilation(List<String> errors, String generated) {
    }
}
