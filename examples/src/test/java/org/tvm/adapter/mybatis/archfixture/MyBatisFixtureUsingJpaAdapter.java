package org.tvm.adapter.mybatis.archfixture;

/** Broken on purpose: the MyBatis adapter depending on the JPA adapter. Test sources only. */
public class MyBatisFixtureUsingJpaAdapter {
    Class<?> other = org.tvm.adapter.jpa.LeakingJpaFactoryFixture.class;
}
