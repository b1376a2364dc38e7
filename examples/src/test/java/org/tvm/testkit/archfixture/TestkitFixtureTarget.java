package org.tvm.testkit.archfixture;

/** Stands in for a testkit class in the broken fixtures. Test sources only. */
public class TestkitFixtureTarget {
}
