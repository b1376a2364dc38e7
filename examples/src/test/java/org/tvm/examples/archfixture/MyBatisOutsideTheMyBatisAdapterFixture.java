package org.tvm.examples.archfixture;

/** Broken on purpose: MyBatis used outside tvm-adapter-mybatis. Test sources only. */
public class MyBatisOutsideTheMyBatisAdapterFixture {
    public void use(org.apache.ibatis.session.SqlSession session) {
        session.commit();
    }
}
