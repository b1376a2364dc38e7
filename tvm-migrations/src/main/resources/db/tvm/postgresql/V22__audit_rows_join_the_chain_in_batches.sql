-- V22: the audit triggers write their entry into audit_logs_pending, in the audited change's own transaction; a
-- batch step, tvm_audit_drain(), moves the waiting entries into audit_logs, where the chain trigger links them as
-- before. Readers see both through the audit_entries view, so an entry is readable the moment its change commits.
--
-- Why: the write path paid for the whole audit_logs row on every audited change: the insert into a yearly partition
-- with seven indexes and two foreign keys, then the chain link (the facility's head row locked until commit, the
-- SHA-256 of the canonical content). In the bench that made an audited mission request 1.40x and a progress step with
-- its vehicle 1.5-1.7x the unaudited one; with the entry waiting in an unindexed table, 1.09-1.24x. The head row lock
-- also serialised every audited write of a facility from its first audited row to commit; now only the drain and
-- the direct appends (AuditRepository.append, data-access entries) take it.
--
-- What does not change: the entry is written in the same transaction as the change (no change without its entry, no
-- entry without its change); its id (from audit_logs' own sequence), timestamp and content are the ones it keeps in
-- audit_logs; the chain and its canonical form are V13's. Who may touch the waiting entries: nobody but the owner
-- (the drain runs as it); the application and the admin role may only read them (under row-level security).
-- Verifying and sealing a chain drain first (JdbcAuditTrail), and so does `bin/tvm maintain`.

CREATE TABLE audit_logs_pending (
    id BIGINT NOT NULL DEFAULT nextval('audit_logs_id_seq'),
    facility_id UUID,
    user_id UUID,
    user_email VARCHAR(255),
    action VARCHAR(100) NOT NULL,
    resource_type VARCHAR(50),
    resource_id UUID,
    details JSONB,
    "timestamp" TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    ip_address INET,
    user_agent TEXT,
    success BOOLEAN NOT NULL,
    failure_reason TEXT,
    -- the same rules as audit_logs, so a waiting entry can always be moved: a user or facility that has waiting
    -- entries cannot be deleted, as with entries in audit_logs
    CONSTRAINT audit_logs_pending_facility_id_fkey FOREIGN KEY (facility_id) REFERENCES facilities(id),
    CONSTRAINT fk_audit_logs_pending_user_facility FOREIGN KEY (user_id, facility_id) REFERENCES users(id, facility_id),
    CONSTRAINT check_audit_logs_pending_failure_reason CHECK (success OR failure_reason IS NOT NULL),
    CONSTRAINT check_audit_logs_pending_system_entry_without_user CHECK (facility_id IS NOT NULL OR user_id IS NULL)
);

ALTER TABLE audit_logs_pending ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_logs_pending FORCE ROW LEVEL SECURITY;
CREATE POLICY audit_logs_pending_facility_isolation ON audit_logs_pending
    USING (facility_id = (SELECT NULLIF(current_setting('app.current_facility_id', true), '')::uuid))
    WITH CHECK (facility_id = (SELECT NULLIF(current_setting('app.current_facility_id', true), '')::uuid));
REVOKE ALL ON audit_logs_pending FROM PUBLIC;
GRANT SELECT ON audit_logs_pending TO tvm_admin, tvm_app, tvm_readonly;

-- Every audit entry, chained or still waiting, with audit_logs' columns (the chain columns are NULL while waiting).
-- security_invoker: the reader's privileges and row-level security apply to both tables.
CREATE VIEW audit_entries WITH (security_invoker = true) AS
    SELECT id, facility_id, user_id, user_email, action, resource_type, resource_id, details, "timestamp", ip_address,
           user_agent, success, failure_reason, chain_seq, prev_hash, row_hash
      FROM audit_logs
    UNION ALL
    SELECT id, facility_id, user_id, user_email, action, resource_type, resource_id, details, "timestamp", ip_address,
           user_agent, success, failure_reason, NULL::bigint, NULL::varchar(64), NULL::varchar(64)
      FROM audit_logs_pending;
REVOKE ALL ON audit_entries FROM PUBLIC;
GRANT SELECT ON audit_entries TO tvm_admin, tvm_app, tvm_readonly;

-- Moves every committed waiting entry into audit_logs, in id order (the order the entries were written); the chain
-- trigger links each one. Concurrent drains do not take an entry twice: the second waits for the first's row locks
-- and then skips what it deleted. Returns the number of entries moved.
CREATE FUNCTION tvm_audit_drain() RETURNS bigint
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    moved bigint;
BEGIN
    WITH taken AS (DELETE FROM audit_logs_pending RETURNING *)
    INSERT INTO audit_logs (id, facility_id, user_id, user_email, action, resource_type, resource_id, details,
                            "timestamp", ip_address, user_agent, success, failure_reason)
    SELECT id, facility_id, user_id, user_email, action, resource_type, resource_id, details, "timestamp", ip_address,
           user_agent, success, failure_reason
      FROM taken
     ORDER BY id;
    GET DIAGNOSTICS moved = ROW_COUNT;
    RETURN moved;
END;
$$;
REVOKE ALL ON FUNCTION tvm_audit_drain() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tvm_audit_drain() TO tvm_admin;

-- V21's function; only the target table changes.
CREATE OR REPLACE FUNCTION tvm_audit_row_change() RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, public, pg_temp
SET TimeZone = 'UTC'
AS $$
DECLARE
    o jsonb;
    n jsonb;
    r jsonb;
    changed text;
    details jsonb;
    act text;
    actor uuid := NULLIF(current_setting('app.current_actor_id', true), '')::uuid;
    known text;
    actor_user uuid;
    withheld text[] := string_to_array(TG_ARGV[2], ',');
    unlisted text[] := ARRAY['created_at', 'updated_at', 'version', 'facility_id', TG_ARGV[1]]
                       || string_to_array(TG_ARGV[3], ',');
BEGIN
    IF TG_OP <> 'INSERT' THEN o := to_jsonb(OLD); END IF;
    IF TG_OP <> 'DELETE' THEN n := to_jsonb(NEW); END IF;
    r := COALESCE(n, o);
    IF TG_OP = 'UPDATE' THEN
        SELECT string_agg(c.k, ',' ORDER BY c.k COLLATE "C"),
               COALESCE(jsonb_object_agg('old.' || c.k, CASE WHEN c.w THEN '[withheld]' ELSE c.ov END)
                            FILTER (WHERE c.ov IS NOT NULL), '{}')
               || COALESCE(jsonb_object_agg('new.' || c.k, CASE WHEN c.w THEN '[withheld]' ELSE c.nv END)
                            FILTER (WHERE c.nv IS NOT NULL), '{}')
          INTO changed, details
          FROM (SELECT e.key AS k, o ->> e.key AS ov, e.value AS nv, e.key = ANY (withheld) AS w
                  FROM jsonb_each_text(n - unlisted) e) c
         WHERE c.ov IS DISTINCT FROM c.nv;
        IF changed IS NULL THEN
            RETURN NULL;
        END IF;
    ELSE
        -- one side only: every column with a value is listed, under 'new.' (INSERT) or 'old.' (DELETE)
        SELECT string_agg(e.key, ',' ORDER BY e.key COLLATE "C"),
               COALESCE(jsonb_object_agg(CASE WHEN TG_OP = 'INSERT' THEN 'new.' ELSE 'old.' END || e.key,
                                         CASE WHEN e.key = ANY (withheld) THEN '[withheld]' ELSE e.value END), '{}')
          INTO changed, details
          FROM jsonb_each_text(r - unlisted) e
         WHERE e.value IS NOT NULL;
    END IF;
    act := TG_ARGV[0] || CASE
        WHEN TG_OP = 'INSERT' THEN '.create'
        WHEN TG_OP = 'DELETE' THEN '.delete'
        WHEN (o ->> 'deleted_at') IS NULL AND (n ->> 'deleted_at') IS NOT NULL THEN '.soft_delete'
        WHEN (o ->> 'deleted_at') IS NOT NULL AND (n ->> 'deleted_at') IS NULL THEN '.restore'
        ELSE '.update' END;
    details := details || jsonb_build_object('changed', COALESCE(changed, ''));
    -- audit_logs.user_id references users: an actor id that is no user is kept in the details instead. Whether the
    -- actor is a user is remembered for the transaction (a transaction-local setting, undone with its savepoint).
    IF TG_ARGV[0] = 'user' AND TG_OP = 'DELETE' THEN
        PERFORM set_config('tvm.audit_actor_known', '', true);   -- the remembered user may be this one
    END IF;
    IF actor IS NOT NULL THEN
        known := current_setting('tvm.audit_actor_known', true);
        IF known = actor::text || ':user' THEN
            actor_user := actor;
        ELSIF known IS DISTINCT FROM actor::text || ':other' THEN
            SELECT id INTO actor_user FROM users WHERE id = actor;
            PERFORM set_config('tvm.audit_actor_known',
                    actor::text || CASE WHEN actor_user IS NULL THEN ':other' ELSE ':user' END, true);
        END IF;
        IF actor_user IS NULL THEN
            details := details || jsonb_build_object('actor', actor::text);
        END IF;
    END IF;
    INSERT INTO audit_logs_pending (facility_id, user_id, action, resource_type, resource_id, details, "timestamp",
                                    success)
    VALUES ((r ->> 'facility_id')::uuid, actor_user, act, TG_ARGV[0], (r ->> TG_ARGV[1])::uuid, details, NOW(), TRUE);
    RETURN NULL;
END;
$$;
