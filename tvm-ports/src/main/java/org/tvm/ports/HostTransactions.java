package org.tvm.ports;

/**
 * Where an adapter finds the application's current transaction, if any (a framework integration implements it, e.g.
 * on Spring's transaction synchronization). An adapter configured with it runs {@link TvmPersistence#inTransaction},
 * {@link TvmPersistence#run} and {@link TvmPersistence#inReadOnlyTransaction} inside {@link #current()} when that is
 * non-null (by the rules of {@link HostTransaction}; a read-only unit then rejects writes but cannot make the host's
 * transaction read-only), and in a transaction of its own otherwise.
 */
@FunctionalInterface
public interface HostTransactions {

    /**
     * @return the host's transaction active on the calling thread for the adapter's data source, or null if none
     */
    HostTransaction current();
}
