package org.tvm.adapter.sql.archfixture;

/** Broken on purpose: the shared SQL support depending on one adapter. Test sources only. */
public class SqlSupportUsingAnAdapterFixture {
    Object adapter = new org.tvm.adapter.jpa.archfixture.JpaFixtureUsingMyBatisAdapter();
}
