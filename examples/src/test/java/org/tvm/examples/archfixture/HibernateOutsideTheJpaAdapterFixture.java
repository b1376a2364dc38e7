package org.tvm.examples.archfixture;

/** Broken on purpose: JPA used outside tvm-adapter-jpa. Test sources only. */
public class HibernateOutsideTheJpaAdapterFixture {
    public void use(jakarta.persistence.EntityManager entityManager) {
        entityManager.flush();
    }
}
