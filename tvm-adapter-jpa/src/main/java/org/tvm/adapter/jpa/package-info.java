/**
 * The JPA adapter: {@link org.tvm.adapter.jpa.JpaTvmPersistence}, the one type meant for users, and the
 * administration it hands out. Its parts live in the sub-packages, internal to the adapter: {@code entity} (the
 * Hibernate entities, one per table), {@code mapping} (entities to and from the domain), {@code repository} (the unit
 * of work's repositories and the transaction that hands them out) and {@code support} (Hibernate's start-up, the
 * database dialects, error translation, the unit's connection).
 */
package org.tvm.adapter.jpa;
