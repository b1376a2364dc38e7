package org.tvm.testkit.inmemory;

import org.tvm.testkit.PersistenceUnderTest;
import org.tvm.testkit.contract.TvmContractSuite;

/** Every contract against the in-memory reference adapter (one shared store, as adapters share one database). */
class InMemoryContractsTest extends TvmContractSuite {

    static final PersistenceUnderTest SUBJECT = InMemoryPersistenceUnderTest.create();

    @Override
    protected PersistenceUnderTest subject() {
        return SUBJECT;
    }
}
