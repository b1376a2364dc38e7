package org.tvm.adapter.mybatis.archfixture;

/** Broken on purpose: a MyBatis row class outside the adapter's row package. Test sources only. */
public class MisplacedFixtureRow {
    public String id;
}
