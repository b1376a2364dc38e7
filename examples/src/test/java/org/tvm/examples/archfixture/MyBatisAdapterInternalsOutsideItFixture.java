package org.tvm.examples.archfixture;

/** Broken on purpose: a row of the MyBatis adapter used outside tvm-adapter-mybatis. Test sources only. */
public class MyBatisAdapterInternalsOutsideItFixture {
    Object row = new org.tvm.adapter.mybatis.row.MissionRow();
}
