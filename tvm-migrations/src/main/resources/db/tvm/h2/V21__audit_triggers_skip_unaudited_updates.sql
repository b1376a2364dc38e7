-- H2 mirror of postgresql/V21 (the PostgreSQL audit triggers fire only on updates of audited columns). H2's Java
-- trigger (org.tvm.migrations.h2.H2AuditTrigger) already returns before any work when no audited column changed. This
-- version exists so both migration sets stay at the same version.
SELECT 1;
