/**
 * The Hibernate entities, one per mapped table ({@code support.HibernateBootstrap} scans this package: nothing to
 * register). Plain rows: no domain rules, mapped to and from the domain by {@code mapping}. The classes here are public
 * only so the adapter's other packages can use them; the architecture rules keep every class outside
 * {@code org.tvm.adapter.jpa} from depending on them.
 */
package org.tvm.adapter.jpa.entity;
