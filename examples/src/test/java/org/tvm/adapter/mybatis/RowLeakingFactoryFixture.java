package org.tvm.adapter.mybatis;

/**
 * Broken on purpose: a public adapter method that hands out a MyBatis row. In the adapter's root package, where its
 * public API lives. Test sources only.
 */
public class RowLeakingFactoryFixture {
    public org.tvm.adapter.mybatis.row.MissionRow mission() {
        return null;
    }
}
