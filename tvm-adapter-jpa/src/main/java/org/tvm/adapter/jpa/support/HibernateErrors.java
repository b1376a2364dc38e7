package org.tvm.adapter.jpa.support;

import jakarta.persistence.OptimisticLockException;
import org.hibernate.StaleStateException;
import org.tvm.adapter.sql.error.ErrorHint;
import org.tvm.adapter.sql.error.SqlErrorTranslator;
import org.tvm.ports.ConcurrencyConflictException;
import org.tvm.ports.TvmPersistenceException;
import org.tvm.ports.WithheldDatabaseError;

/**
 * The JPA adapter's only part of error translation: what Hibernate detects itself (a flushed update that matched no
 * row because of a concurrent change) becomes a concurrency conflict; everything else goes to the shared
 * {@link SqlErrorTranslator}, the same as for MyBatis.
 */
public final class HibernateErrors {

    private HibernateErrors() {
    }

    public static RuntimeException translate(Throwable failure, ErrorHint hint) {
        if (!(failure instanceof TvmPersistenceException) && staleState(failure)) {
            // Hibernate's message quotes the statement: keep only the type and where it happened
            return new ConcurrencyConflictException(ConcurrencyConflictException.Kind.SERIALIZATION_FAILURE,
                    WithheldDatabaseError.of(failure, null, 0, null, null, null));
        }
        return SqlErrorTranslator.translate(failure, hint);
    }

    private static boolean staleState(Throwable failure) {
        for (Throwable c = failure; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof StaleStateException || c instanceof OptimisticLockException) {
                return true;
            }
        }
        return false;
    }
}
