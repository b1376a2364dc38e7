/**
 * The MyBatis type handlers (UUIDs, instants, JSON, geography points, text arrays, inet), registered by
 * {@code support.MyBatisBootstrap}. The classes here are public only so the adapter's other packages can use them; the architecture rules keep
 * every class outside {@code org.tvm.adapter.mybatis} from depending on them.
 */
package org.tvm.adapter.mybatis.type;
