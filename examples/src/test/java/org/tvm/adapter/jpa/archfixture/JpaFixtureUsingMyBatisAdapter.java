package org.tvm.adapter.jpa.archfixture;

/** Broken on purpose: the JPA adapter depending on the MyBatis adapter. Test sources only. */
public class JpaFixtureUsingMyBatisAdapter {
    Object other = new org.tvm.adapter.mybatis.archfixture.MyBatisFixtureUsingJpaAdapter();
}
