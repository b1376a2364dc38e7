/**
 * Observing units of work without touching an adapter: {@link org.tvm.ports.observe.ObservedTvmPersistence} wraps any
 * {@link org.tvm.ports.TvmPersistence} and reports each unit of work (kind, context, duration, outcome, rows
 * appended) to {@link org.tvm.ports.observe.UnitOfWorkListener}s. The SQL adapters' factories apply it with their
 * SLF4J debug log; metrics bindings (e.g. {@code tvm-micrometer}) are listeners too.
 */
package org.tvm.ports.observe;
