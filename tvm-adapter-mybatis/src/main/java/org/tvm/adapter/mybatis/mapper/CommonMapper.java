package org.tvm.adapter.mybatis.mapper;

/**
 * Holds only SQL fragments shared by the other mappers ({@code CommonMapper.xml}): the per-database binary
 * collation and the priority rank. Registered first so includes across namespaces resolve.
 */
public interface CommonMapper {
}
