package org.tvm.ports.archfixture;

/** Broken on purpose: production code that needs the testkit. Test sources only. */
public class PortFixtureUsingTestkit {
    public org.tvm.testkit.archfixture.TestkitFixtureTarget target() {
        return new org.tvm.testkit.archfixture.TestkitFixtureTarget();
    }
}
