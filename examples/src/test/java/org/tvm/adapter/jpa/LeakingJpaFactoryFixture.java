package org.tvm.adapter.jpa;

/**
 * Broken on purpose: a public adapter method that hands out a Hibernate type. In the adapter's root package, where its
 * public API lives. Test sources only.
 */
public class LeakingJpaFactoryFixture {
    public org.hibernate.Session session() {
        return null;
    }
}
