/**
 * Keyset paging ({@link org.tvm.ports.query.PageRequest}, {@link org.tvm.ports.query.Page},
 * {@link org.tvm.ports.query.KeysetToken}) and the read-model records returned by the query ports.
 *
 * <p>Paging never uses OFFSET. A page token is opaque to callers, encodes the sort key of the last item returned, and is
 * valid only for the same query method with the same filter arguments and the same context facility; the facility
 * filter is always re-applied, so a token can never reach another facility's rows. Items whose sort key does not change
 * between page reads are returned exactly once, regardless of rows inserted or deleted meanwhile. Read models are immutable records that validate
 * their non-null components and copy their collections.
 */
package org.tvm.ports.query;
