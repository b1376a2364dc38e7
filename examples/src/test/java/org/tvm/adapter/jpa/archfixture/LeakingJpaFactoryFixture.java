package org.tvm.adapter.jpa.archfixture;

/** Broken on purpose: a public adapter method that hands out a Hibernate type. Test sources only. */
public class LeakingJpaFactoryFixture {
    public org.hibernate.Session session() {
        return null;
    }
}
