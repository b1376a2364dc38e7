package org.tvm.adapter.mybatis;

/** Flat MyBatis row: the context values as published by set_config (facility id and actor id, '' for system). */
final class ContextRow {
    String facility;
    String actor;
}
