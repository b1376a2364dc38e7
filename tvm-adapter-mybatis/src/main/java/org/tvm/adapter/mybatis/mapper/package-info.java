/**
 * The MyBatis mapper interfaces; each has its statements in the XML of the same name at the same resource path
 * ({@code src/main/resources/org/tvm/adapter/mybatis/mapper}), with the interface's full name as namespace.
 * The classes here are public only so the adapter's other packages can use them; the architecture rules keep
 * every class outside {@code org.tvm.adapter.mybatis} from depending on them.
 */
package org.tvm.adapter.mybatis.mapper;
