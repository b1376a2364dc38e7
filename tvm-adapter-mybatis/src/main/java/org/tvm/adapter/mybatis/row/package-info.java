/**
 * Flat MyBatis rows, one per table or read model ({@code support.MyBatisBootstrap} registers them as aliases, so the
 * mapper XML names them by simple name). Plain data: no domain rules, mapped to and from the domain by
 * {@code mapping}. The classes here are public only so the adapter's other packages can use them; the architecture rules keep
 * every class outside {@code org.tvm.adapter.mybatis} from depending on them.
 */
package org.tvm.adapter.mybatis.row;
