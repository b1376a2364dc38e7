package org.tvm.adapter.jpa.archfixture;

/** Broken on purpose: a JPA entity outside the adapter's entity package. Test sources only. */
@jakarta.persistence.Entity
public class MisplacedEntityFixture {
    @jakarta.persistence.Id
    Long id;
}
