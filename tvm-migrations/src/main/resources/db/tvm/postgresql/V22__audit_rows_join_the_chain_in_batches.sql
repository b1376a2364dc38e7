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

-- The chain's canonical text of an audit_logs row and a link's hash, once for the chain trigger and the drain (in step
-- with org.tvm.domain.audit.AuditChain; the same text as V16's trigger). Pure expressions over built-in functions and
-- V19's helpers, so PostgreSQL inlines them into the calling function (a schema test reads the plan).
CREATE FUNCTION tvm_audit_entry_text(id bigint, facility_id uuid, user_id uuid, user_email text, action text,
                                     resource_type text, resource_id uuid, details jsonb, at timestamptz,
                                     ip_address inet, user_agent text, success boolean, failure_reason text)
RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT tvm_chain_field('audit') || tvm_chain_field(id::text) || tvm_chain_field(facility_id::text)
             || tvm_chain_field(user_id::text) || tvm_chain_field(user_email) || tvm_chain_field(action)
             || tvm_chain_field(resource_type) || tvm_chain_field(resource_id::text) || tvm_chain_field(details::text)
             || tvm_chain_field(tvm_epoch_micros(at)) || tvm_chain_field(host(ip_address)) || tvm_chain_field(user_agent)
             || tvm_chain_field(CASE WHEN success THEN 'true' ELSE 'false' END) || tvm_chain_field(failure_reason) $$;

-- STABLE, not IMMUTABLE: convert_to is STABLE, and a function declared less volatile than its body is never inlined.
CREATE FUNCTION tvm_audit_link_hash(chain uuid, seq bigint, entry_text text, prev_hash text)
RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT encode(sha256(convert_to(tvm_chain_field('tvm-chain-v1') || tvm_chain_field(chain::text)
                                      || tvm_chain_field(seq::text) || entry_text || tvm_chain_field(prev_hash), 'UTF8')),
                    'hex') $$;
REVOKE ALL ON FUNCTION tvm_audit_entry_text(bigint, uuid, uuid, text, text, text, uuid, jsonb, timestamptz, inet, text,
                                            boolean, text), tvm_audit_link_hash(uuid, bigint, text, text) FROM PUBLIC;

-- Links every committed waiting entry into its chain and moves it into audit_logs, oldest (lowest id) first, and
-- returns how many. One chain at a time, under its head row's lock (held to commit), so two drains, or a drain and a
-- direct writer, never fork a chain; the head is written once per chain, not once per entry (updating one row again
-- and again in one transaction costs more with every update: 40,000 entries took 22 s through the row trigger). The
-- chain trigger and the foreign-key checks are off for the moves (session_replication_role, for this function only):
-- the links are computed here, and audit_logs_pending has audit_logs' foreign keys, whose rows cannot go while an
-- entry refers to them. Needs an owner that may set session_replication_role (the superuser that migrates).
CREATE FUNCTION tvm_audit_drain() RETURNS bigint
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, public, pg_temp
SET session_replication_role = replica
AS $$
DECLARE
    nil CONSTANT uuid := '00000000-0000-0000-0000-000000000000';
    chain uuid;
    seq bigint;
    last text;
    prev text;
    r record;
    moved bigint := 0;
BEGIN
    FOR chain IN SELECT DISTINCT COALESCE(p.facility_id, nil) FROM audit_logs_pending p ORDER BY 1 LOOP
        INSERT INTO audit_chain_heads (chain_id, last_seq, last_hash) VALUES (chain, 0, repeat('0', 64))
            ON CONFLICT (chain_id) DO NOTHING;
        SELECT h.last_seq, h.last_hash, h.prev_hash INTO seq, last, prev
          FROM audit_chain_heads h WHERE h.chain_id = chain FOR UPDATE;
        FOR r IN WITH taken AS (DELETE FROM audit_logs_pending p WHERE COALESCE(p.facility_id, nil) = chain RETURNING p.*)
                 SELECT * FROM taken ORDER BY id LOOP
            seq := seq + 1;
            prev := last;
            last := tvm_audit_link_hash(chain, seq, tvm_audit_entry_text(r.id, r.facility_id, r.user_id, r.user_email,
                        r.action, r.resource_type, r.resource_id, r.details, r."timestamp", r.ip_address, r.user_agent,
                        r.success, r.failure_reason), prev);
            INSERT INTO audit_logs (id, facility_id, user_id, user_email, action, resource_type, resource_id, details,
                                    "timestamp", ip_address, user_agent, success, failure_reason, chain_seq, prev_hash,
                                    row_hash)
            VALUES (r.id, r.facility_id, r.user_id, r.user_email, r.action, r.resource_type, r.resource_id, r.details,
                    r."timestamp", r.ip_address, r.user_agent, r.success, r.failure_reason, seq, prev, last);
            moved := moved + 1;
        END LOOP;
        UPDATE audit_chain_heads SET last_seq = seq, last_hash = last, prev_hash = prev WHERE chain_id = chain;
    END LOOP;
    RETURN moved;
END;
$$;
REVOKE ALL ON FUNCTION tvm_audit_drain() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tvm_audit_drain() TO tvm_admin;

-- V16's chain trigger with its audit text and hash from the helpers above (the same text and hash).
CREATE OR REPLACE FUNCTION tvm_audit_chain_link() RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    chain uuid := COALESCE(NEW.facility_id, '00000000-0000-0000-0000-000000000000'::uuid);
    kind text := TG_ARGV[0];
    entry_text text;
BEGIN
    IF kind = 'access' THEN
        entry_text := tvm_chain_field(kind) || tvm_chain_field(NEW.id::text)
             || tvm_chain_field(NEW.facility_id::text) || tvm_chain_field(NEW.user_id::text)
             || tvm_chain_field(NEW.resident_id::text) || tvm_chain_field(NEW.access_type)
             || tvm_chain_field(tvm_epoch_micros(NEW.accessed_at));
    ELSE
        entry_text := tvm_audit_entry_text(NEW.id, NEW.facility_id, NEW.user_id, NEW.user_email, NEW.action,
             NEW.resource_type, NEW.resource_id, NEW.details, NEW.timestamp, NEW.ip_address, NEW.user_agent, NEW.success,
             NEW.failure_reason);
    END IF;
    LOOP
        UPDATE audit_chain_heads
           SET last_seq = last_seq + 1,
               prev_hash = last_hash,
               last_hash = tvm_audit_link_hash(chain, last_seq + 1, entry_text, last_hash)
         WHERE chain_id = chain
        RETURNING last_seq, prev_hash, last_hash INTO NEW.chain_seq, NEW.prev_hash, NEW.row_hash;
        EXIT WHEN FOUND;
        INSERT INTO audit_chain_heads (chain_id, last_seq, last_hash) VALUES (chain, 0, repeat('0', 64))
            ON CONFLICT (chain_id) DO NOTHING;
    END LOOP;
    RETURN NEW;
END;
$$;

-- The row trigger, writing into audit_logs_pending. It also builds the details with one pass over the row's JSON
-- (jsonb_each_text over the row minus the never-listed columns) instead of looking every key up again, and splits its
-- argument lists once per call, not once per column: the same details text as V16 (contracts and the chain depend on it).
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
