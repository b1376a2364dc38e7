/**
 * The repositories of a unit of work and {@link org.tvm.adapter.jpa.repository.JpaTransaction}, which hands them out.
 * The repositories are package-private; the transaction is public only so the adapter's factory can open it, and the
 * architecture rules keep every class outside {@code org.tvm.adapter.jpa} from depending on it.
 */
package org.tvm.adapter.jpa.repository;
