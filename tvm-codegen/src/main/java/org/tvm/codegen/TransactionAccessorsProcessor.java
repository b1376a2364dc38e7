package org.tvm.codegen;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic;

/**
 * Writes the accessor class that {@link GenerateTransactionAccessors} asks for. Every check that can fail is a compile
 * error on the annotated class, naming the accessor and what it expected; nothing is left to run time.
 */
@SupportedAnnotationTypes("org.tvm.codegen.GenerateTransactionAccessors")
public final class TransactionAccessorsProcessor extends AbstractProcessor {

    /** The port whose accessors are generated. */
    static final String PORT = "org.tvm.ports.TvmTransaction";
    /** Suffix of the generated class's simple name. */
    static final String SUFFIX = "Accessors";

    /** Annotated classes already written (a class is seen in one round only, but be safe across rounds). */
    private final Set<String> written = new HashSet<>();

    /** Creates the processor; javac does so through {@code META-INF/services}. */
    public TransactionAccessorsProcessor() {
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        for (Element element : round.getElementsAnnotatedWith(GenerateTransactionAccessors.class)) {
            if (element.getKind() != ElementKind.CLASS || element.getEnclosingElement().getKind() != ElementKind.PACKAGE) {
                // the generated class is top-level beside it and casts itself to it
                error(element, "@GenerateTransactionAccessors belongs on a top-level class (the adapter's unit of work)");
                continue;
            }
            TypeElement type = (TypeElement) element;
            if (written.add(type.getQualifiedName().toString())) {
                generate(type, type.getAnnotation(GenerateTransactionAccessors.class));
            }
        }
        return true;
    }

    private void generate(TypeElement type, GenerateTransactionAccessors spec) {
        TypeElement port = processingEnv.getElementUtils().getTypeElement(PORT);
        if (port == null) {
            error(type, PORT + " is not on the class path; the accessors are generated from it");
            return;
        }
        String pattern = spec.implementation();
        if (!pattern.contains("{Port}") && !pattern.contains("{Accessor}")) {
            error(type, "implementation = \"" + pattern + "\" names no {Port} or {Accessor}: every accessor would get the "
                    + "same class");
            return;
        }
        if (!SourceVersion.isName(spec.check()) || spec.check().contains(".")) {
            error(type, "check = \"" + spec.check() + "\" is not a method name");
            return;
        }
        String generated = type.getSimpleName() + SUFFIX;
        String pkg = processingEnv.getElementUtils().getPackageOf(type).getQualifiedName().toString();
        // the superclass does not exist yet in this round: javac still knows the name written in the source
        String superclass = type.getSuperclass().toString();
        if (!superclass.equals(generated) && !superclass.equals(pkg + "." + generated)) {
            error(type, type.getSimpleName() + " must extend " + generated + " (generated from " + PORT
                    + "), which holds its accessors");
            return;
        }
        Set<String> own = new HashSet<>();
        for (ExecutableElement m : ElementFilter.methodsIn(type.getEnclosedElements())) {
            if (m.getParameters().isEmpty()) {
                own.add(m.getSimpleName().toString());
            }
        }
        List<Accessor> accessors = new ArrayList<>();
        boolean ok = true;
        // every member, so an accessor the port inherits from a super-interface is generated too
        for (ExecutableElement method : ElementFilter.methodsIn(processingEnv.getElementUtils().getAllMembers(port))) {
            String name = method.getSimpleName().toString();
            if (!method.getModifiers().contains(Modifier.ABSTRACT) || !method.getParameters().isEmpty()
                    || !method.getTypeParameters().isEmpty() || own.contains(name) || !returnsInterface(method)) {
                continue;
            }
            TypeElement returned = (TypeElement) ((DeclaredType) method.getReturnType()).asElement();
            String implementation = pattern.replace("{Port}", returned.getSimpleName())
                    .replace("{Accessor}", Character.toUpperCase(name.charAt(0)) + name.substring(1));
            if (!SourceVersion.isIdentifier(implementation) || SourceVersion.isKeyword(implementation)) {
                error(type, "implementation = \"" + pattern + "\" gives \"" + implementation + "\" for "
                        + name + "(), which is not a class name");
                ok = false;
                continue;
            }
            ok &= checkImplementation(type, name, method.getReturnType(), pkg, implementation);
            // the declared type as written in the port, type arguments included
            accessors.add(new Accessor(name, method.getReturnType().toString(), implementation));
        }
        if (ok) {
            write(type, pkg, generated, spec.check(), accessors);
        }
    }

    private boolean returnsInterface(ExecutableElement method) {
        return method.getReturnType().getKind() == TypeKind.DECLARED
                && ((DeclaredType) method.getReturnType()).asElement().getKind() == ElementKind.INTERFACE;
    }

    /** The implementation exists in the package, implements the port type and takes the unit of work. */
    private boolean checkImplementation(TypeElement type, String accessor, TypeMirror port, String pkg, String simple) {
        String where = PORT.substring(PORT.lastIndexOf('.') + 1) + "." + accessor + "()";
        TypeElement implementation = processingEnv.getElementUtils().getTypeElement(pkg.isEmpty() ? simple : pkg + "." + simple);
        if (implementation == null) {
            error(type, where + " has no implementation: write class " + simple + " in package " + pkg
                    + " (implementing " + port + ", constructed with the " + type.getSimpleName() + "), or write "
                    + accessor + "() in " + type.getSimpleName());
            return false;
        }
        if (!processingEnv.getTypeUtils().isAssignable(implementation.asType(), port)) {
            error(type, where + ": " + simple + " does not implement " + port);
            return false;
        }
        if (implementation.getModifiers().contains(Modifier.ABSTRACT)) {
            error(type, where + ": " + simple + " is abstract");
            return false;
        }
        for (ExecutableElement c : ElementFilter.constructorsIn(implementation.getEnclosedElements())) {
            if (c.getParameters().size() == 1 && !c.getModifiers().contains(Modifier.PRIVATE)
                    && processingEnv.getTypeUtils().isAssignable(type.asType(), c.getParameters().get(0).asType())) {
                return true;
            }
        }
        error(type, where + ": " + simple + " has no non-private constructor taking the " + type.getSimpleName());
        return false;
    }

    private void write(TypeElement type, String pkg, String generated, String check, List<Accessor> accessors) {
        StringBuilder s = new StringBuilder();
        if (!pkg.isEmpty()) {
            s.append("package ").append(pkg).append(";\n\n");
        }
        String self = type.getSimpleName().toString();
        s.append("/**\n * The repository accessors of {@link ").append(self).append("}, generated from {@link ").append(PORT)
                .append("}:\n * each calls {@code ").append(check).append("()} and returns the unit of work's one instance, ")
                .append("created on first use.\n */\n")
                .append("@javax.annotation.processing.Generated(\"").append(getClass().getName()).append("\")\n")
                .append("abstract class ").append(generated).append(" implements ").append(PORT).append(" {\n");
        for (Accessor a : accessors) {
            s.append("\n    private ").append(a.port).append(' ').append(a.name).append(";\n");
        }
        s.append("\n    /** The unit of work's thread and lifetime check, run before each accessor returns. */\n")
                .append("    abstract void ").append(check).append("();\n");
        for (Accessor a : accessors) {
            // not final: javac then gives a public subclass public bridges, so reflection on it reaches them too
            s.append("\n    @Override\n    public ").append(a.port).append(' ').append(a.name).append("() {\n")
                    .append("        ").append(check).append("();\n")
                    .append("        ").append(a.port).append(" repository = ").append(a.name).append(";\n")
                    .append("        return repository != null ? repository : (").append(a.name).append(" = new ")
                    .append(a.implementation).append("((").append(self).append(") this));\n")
                    .append("    }\n");
        }
        s.append("}\n");
        try (Writer out = processingEnv.getFiler()
                .createSourceFile(pkg.isEmpty() ? generated : pkg + "." + generated, type).openWriter()) {
            out.write(s.toString());
        } catch (IOException e) {
            error(type, "cannot write " + generated + ": " + e.getMessage());
        }
    }

    private void error(Element where, String message) {
        processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, message, where);
    }

    /** One generated accessor: the port method's name, its return type and the class that implements it. */
    private record Accessor(String name, String port, String implementation) {
    }
}
