/**
 * Support shared by the SQL adapters ({@code tvm-adapter-jpa}, {@code tvm-adapter-mybatis}): behaviour that both need
 * and that must be identical in both lives here once, on the JDBC API only (no Hibernate, no MyBatis types).
 *
 * <p>This is an internal module of the adapters: application code programs against the ports, never against it.
 */
package org.tvm.adapter.sql;
