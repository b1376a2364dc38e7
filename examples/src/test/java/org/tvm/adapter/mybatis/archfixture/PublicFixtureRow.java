package org.tvm.adapter.mybatis.archfixture;

/** Broken on purpose: a public MyBatis row class. Test sources only. */
public class PublicFixtureRow {
    public String id;
}
