/**
 * The MyBatis adapter: {@link org.tvm.adapter.mybatis.MyBatisTvmPersistence}, the one type meant for users, and the
 * persistence and administration it hands out. Its parts live in the sub-packages, internal to the adapter:
 * {@code row} (flat rows, one per table or read model), {@code mapper} (the mapper interfaces, each with its XML at the
 * same resource path), {@code mapping} (rows to and from the domain), {@code type} (the type handlers),
 * {@code repository} (the unit of work's repositories and the transaction that hands them out) and {@code support}
 * (MyBatis's start-up, the database dialects, JDBC batches).
 */
package org.tvm.adapter.mybatis;
