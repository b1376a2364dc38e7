/**
 * What the repositories lean on: MyBatis's start-up ({@link org.tvm.adapter.mybatis.support.MyBatisBootstrap}), the
 * database dialects ({@link org.tvm.adapter.mybatis.support.SqlDialect}) and JDBC batches of a mapped statement.
 * The classes here are public only so the adapter's other packages can use them; the architecture rules keep
 * every class outside {@code org.tvm.adapter.mybatis} from depending on them.
 */
package org.tvm.adapter.mybatis.support;
