/**
 * Rows to and from the domain: {@link org.tvm.adapter.mybatis.mapping.RowMapper} (sealing and opening sensitive
 * fields). The classes here are public only so the adapter's other packages can use them; the architecture rules keep
 * every class outside {@code org.tvm.adapter.mybatis} from depending on them.
 */
package org.tvm.adapter.mybatis.mapping;
