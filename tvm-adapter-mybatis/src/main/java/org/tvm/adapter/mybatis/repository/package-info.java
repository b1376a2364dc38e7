/**
 * The repositories of a unit of work and {@link org.tvm.adapter.mybatis.repository.MyBatisTransaction}, which hands
 * them out. The repositories are package-private; the transaction is public only so the adapter's persistence can
 * open it, and the architecture rules keep every class outside {@code org.tvm.adapter.mybatis} from depending on it.
 */
package org.tvm.adapter.mybatis.repository;
