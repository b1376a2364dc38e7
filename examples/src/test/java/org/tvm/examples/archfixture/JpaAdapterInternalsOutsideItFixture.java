package org.tvm.examples.archfixture;

/** Broken on purpose: an entity of the JPA adapter used outside tvm-adapter-jpa. Test sources only. */
public class JpaAdapterInternalsOutsideItFixture {
    Object entity = new org.tvm.adapter.jpa.entity.MissionEntity();
}
