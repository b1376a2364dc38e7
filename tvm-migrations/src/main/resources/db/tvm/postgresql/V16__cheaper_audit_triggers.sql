-- V16: the audit triggers, cheaper: the same entries and the same chain (V13's format, byte for byte).
--
-- Where V13's time went, per audited row change: the chain link (its helper calls, then the head's locking SELECT
-- and UPDATE of the one hot row per facility), then the audit_logs insert itself, then the details. Now the helpers
-- are inlined, one UPDATE ... RETURNING takes the chain's next
-- position (the head keeps the previous hash, so the one statement returns both), one SQL statement builds the details
-- instead of a loop of jsonb concatenations, the actor lookup is remembered for the transaction, and the head table
-- leaves room on its page so PostgreSQL prunes the head's old versions early (fillfactor): every audited write of a
-- facility updates the same row.

ALTER TABLE audit_chain_heads ADD COLUMN prev_hash VARCHAR(64);
ALTER TABLE audit_chain_heads SET (fillfactor = 10);

-- The chain's two text helpers are pure expressions over built-in functions. Without a SET clause PostgreSQL inlines
-- them into the calling trigger function, whose search_path is pinned (so the built-ins resolve there); with one,
-- each of the ~15 calls per row went through a function call and a search_path switch, which measured (pgbench, one
-- progress step per transaction) as the largest part of the chain's cost. Still not executable by PUBLIC (V13).
CREATE OR REPLACE FUNCTION tvm_chain_field(v text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT CASE WHEN v IS NULL THEN '~' ELSE octet_length(v)::text || ':' || v END $$;

CREATE OR REPLACE FUNCTION tvm_epoch_micros(t timestamptz) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT ((extract(epoch FROM t) * 1000000)::bigint)::text $$;

-- BEFORE INSERT on audit_logs ('audit') and data_access_logs ('access'): the row's next position under the head
-- row's lock (held to commit), its previous hash and its own hash. In step with org.tvm.domain.audit.AuditChain.
CREATE OR REPLACE FUNCTION tvm_audit_chain_link() RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    chain uuid := COALESCE(NEW.facility_id, '00000000-0000-0000-0000-000000000000'::uuid);
    kind text := TG_ARGV[0];
    head text;
    tail text;
BEGIN
    head := tvm_chain_field('tvm-chain-v1') || tvm_chain_field(chain::text);
    IF kind = 'access' THEN
        tail := tvm_chain_field(kind) || tvm_chain_field(NEW.id::text)
             || tvm_chain_field(NEW.facility_id::text) || tvm_chain_field(NEW.user_id::text)
             || tvm_chain_field(NEW.resident_id::text) || tvm_chain_field(NEW.access_type)
             || tvm_chain_field(tvm_epoch_micros(NEW.accessed_at));
    ELSE
        tail := tvm_chain_field(kind) || tvm_chain_field(NEW.id::text)
             || tvm_chain_field(NEW.facility_id::text) || tvm_chain_field(NEW.user_id::text)
             || tvm_chain_field(NEW.user_email) || tvm_chain_field(NEW.action)
             || tvm_chain_field(NEW.resource_type) || tvm_chain_field(NEW.resource_id::text)
             || tvm_chain_field(NEW.details::text) || tvm_chain_field(tvm_epoch_micros(NEW.timestamp))
             || tvm_chain_field(host(NEW.ip_address)) || tvm_chain_field(NEW.user_agent)
             || tvm_chain_field(CASE WHEN NEW.success THEN 'true' ELSE 'false' END)
             || tvm_chain_field(NEW.failure_reason);
    END IF;
    LOOP
        UPDATE audit_chain_heads
           SET last_seq = last_seq + 1,
               prev_hash = last_hash,
               last_hash = encode(sha256(convert_to(head || tvm_chain_field((last_seq + 1)::text) || tail
                                                    || tvm_chain_field(last_hash), 'UTF8')), 'hex')
         WHERE chain_id = chain
        RETURNING last_seq, prev_hash, last_hash INTO NEW.chain_seq, NEW.prev_hash, NEW.row_hash;
        EXIT WHEN FOUND;
        INSERT INTO audit_chain_heads (chain_id, last_seq, last_hash) VALUES (chain, 0, repeat('0', 64))
            ON CONFLICT (chain_id) DO NOTHING;
    END LOOP;
    RETURN NEW;
END;
$$;

-- AFTER INSERT/UPDATE/DELETE on each audited table; arguments and details as in V13.
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
BEGIN
    IF TG_OP <> 'INSERT' THEN o := to_jsonb(OLD); END IF;
    IF TG_OP <> 'DELETE' THEN n := to_jsonb(NEW); END IF;
    r := COALESCE(n, o);
    SELECT string_agg(c.k, ',' ORDER BY c.k COLLATE "C"),
           COALESCE(jsonb_object_agg('old.' || c.k, CASE WHEN c.w THEN '[withheld]' ELSE c.ov END)
                        FILTER (WHERE c.ov IS NOT NULL), '{}')
           || COALESCE(jsonb_object_agg('new.' || c.k, CASE WHEN c.w THEN '[withheld]' ELSE c.nv END)
                        FILTER (WHERE c.nv IS NOT NULL), '{}')
      INTO changed, details
      FROM (SELECT key AS k, o ->> key AS ov, n ->> key AS nv,
                   key = ANY(string_to_array(TG_ARGV[2], ',')) AS w
              FROM jsonb_object_keys(r) AS key
             WHERE key NOT IN ('created_at', 'updated_at', 'version', 'facility_id', TG_ARGV[1])
               AND key <> ALL(string_to_array(TG_ARGV[3], ','))) c
     WHERE CASE WHEN TG_OP = 'UPDATE' THEN c.ov IS DISTINCT FROM c.nv
                ELSE c.ov IS NOT NULL OR c.nv IS NOT NULL END;
    IF TG_OP = 'UPDATE' AND changed IS NULL THEN
        RETURN NULL;
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
    INSERT INTO audit_logs (facility_id, user_id, action, resource_type, resource_id, details, timestamp, success)
    VALUES ((r ->> 'facility_id')::uuid, actor_user, act, TG_ARGV[0], (r ->> TG_ARGV[1])::uuid, details, NOW(), TRUE);
    RETURN NULL;
END;
$$;
