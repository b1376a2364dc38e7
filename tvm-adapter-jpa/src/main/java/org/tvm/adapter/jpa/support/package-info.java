/**
 * What the repositories lean on: Hibernate's start-up ({@link org.tvm.adapter.jpa.support.HibernateBootstrap}), the
 * database dialects ({@link org.tvm.adapter.jpa.support.SqlDialect}), error translation and the unit's connection.
 * The classes here are public only so the adapter's other packages can use them; the architecture rules keep
 * every class outside {@code org.tvm.adapter.jpa} from depending on them.
 */
package org.tvm.adapter.jpa.support;
