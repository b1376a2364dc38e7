package org.tvm.adapter.jpa.archfixture;

/** Broken on purpose: a public JPA entity. Test sources only. */
@jakarta.persistence.Entity
public class PublicEntityFixture {
    @jakarta.persistence.Id
    Long id;
}
