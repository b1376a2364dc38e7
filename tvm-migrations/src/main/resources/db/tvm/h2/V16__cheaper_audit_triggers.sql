-- V16: the chain head keeps the previous hash as well (as on PostgreSQL, where one UPDATE ... RETURNING takes the
-- chain's next position). The H2 triggers are Java (org.tvm.migrations.h2) and unchanged otherwise.
ALTER TABLE audit_chain_heads ADD COLUMN prev_hash VARCHAR(64);
