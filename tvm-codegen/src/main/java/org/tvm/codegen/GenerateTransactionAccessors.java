package org.tvm.codegen;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Generates the repository accessors of an adapter's unit of work from the port {@code org.tvm.ports.TvmTransaction},
 * so adding a repository to the port needs no accessor edit in any adapter.
 *
 * <p>On a class {@code C} of package {@code p}, {@link TransactionAccessorsProcessor} writes the abstract class
 * {@code p.CAccessors implements TvmTransaction}, which {@code C} must extend. For every abstract, parameterless method
 * of the port that returns an interface and that {@code C} does not declare itself, it generates an
 * accessor that calls {@link #check()} and returns the unit of work's one instance of the class named by
 * {@link #implementation()}, created on first use with {@code C} as its only constructor argument.
 *
 * <p>Nothing is looked up at run time: a missing, misnamed or unfit implementation is a compile error naming the
 * accessor and the class it expects. Methods {@code C} declares itself (e.g. an accessor built differently) are left to
 * it; a port method that returns no interface must always be written by hand, and the compiler says so if it is not.
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.TYPE)
public @interface GenerateTransactionAccessors {

    /**
     * The simple name of the class implementing each accessor, in the annotated class's package: {@code {Port}} stands
     * for the simple name of the port type the accessor returns, {@code {Accessor}} for the accessor's name with its
     * first letter upper-cased. Examples: {@code "Jpa{Port}"} gives {@code JpaMapRepository} for
     * {@code MapRepository maps()}; {@code "InMemory{Accessor}"} gives {@code InMemoryMaps}.
     *
     * @return the naming pattern, with at least one of the two placeholders
     */
    String implementation();

    /**
     * The parameterless method of the annotated class each accessor calls before it returns (the unit of work's
     * thread and lifetime check). The generated class declares it abstract and package-private, so the annotated class
     * implements it with at least package access.
     *
     * @return the method's name
     */
    String check();
}
