package org.tvm.adapter.mybatis.repository;

import org.tvm.ports.TvmTransaction;

/**
 * Test access to the mappers of a live MyBatis transaction handle (kept out of the main code; here, next to
 * {@link MyBatisTransaction}, so its {@code mapper(Class)} stays package-private).
 */
public final class TransactionMappers {

    private TransactionMappers() {
    }

    public static <M> M of(TvmTransaction tx, Class<M> mapper) {
        return ((MyBatisTransaction) org.tvm.ports.spi.UnitOfWork.unguarded(tx)).mapper(mapper);
    }
}
