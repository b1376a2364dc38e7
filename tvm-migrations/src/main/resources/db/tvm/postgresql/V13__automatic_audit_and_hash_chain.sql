-- V13: every change is audited by the database, and audit + data-access entries form a hash chain per facility.
--
-- Why triggers: they run in the writer's transaction whoever the writer is (either adapter, raw SQL, the admin
-- role), so no code path can change an audited table without an entry. The actor comes from the transaction-local
-- setting app.current_actor_id the adapters publish with the facility (empty/absent: a system change, user NULL).

-- ------------------------------------------------------------------ hash chain

ALTER TABLE audit_logs ADD COLUMN chain_seq BIGINT, ADD COLUMN prev_hash VARCHAR(64), ADD COLUMN row_hash VARCHAR(64);
ALTER TABLE data_access_logs ADD COLUMN chain_seq BIGINT, ADD COLUMN prev_hash VARCHAR(64), ADD COLUMN row_hash VARCHAR(64);
CREATE INDEX idx_audit_logs_chain ON audit_logs(facility_id, chain_seq);
CREATE INDEX idx_data_access_logs_chain ON data_access_logs(facility_id, chain_seq);

-- One row per chain (facility id; the nil UUID for system events): the last position handed out. Locking it is what
-- keeps two writers from forking a chain.
CREATE TABLE audit_chain_heads (
    chain_id UUID NOT NULL,
    last_seq BIGINT NOT NULL,
    last_hash VARCHAR(64) NOT NULL,
    CONSTRAINT audit_chain_heads_pkey PRIMARY KEY (chain_id),
    CONSTRAINT check_audit_chain_heads_last_seq CHECK (last_seq >= 0)
);

-- Chain positions signed (HMAC-SHA256) by the application's key, which the database never sees.
CREATE TABLE audit_chain_checkpoints (
    chain_id UUID NOT NULL,
    seq BIGINT NOT NULL,
    row_hash VARCHAR(64) NOT NULL,
    key_id VARCHAR(50) NOT NULL,
    mac VARCHAR(64) NOT NULL,
    signed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT audit_chain_checkpoints_pkey PRIMARY KEY (chain_id, seq),
    CONSTRAINT check_audit_chain_checkpoints_seq CHECK (seq >= 1)
);

-- Length-prefixed text of one value, '~' for NULL (org.tvm.domain.audit.AuditChain.field).
CREATE FUNCTION tvm_chain_field(v text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, public, pg_temp
AS $$ SELECT CASE WHEN v IS NULL THEN '~' ELSE octet_length(v)::text || ':' || v END $$;

CREATE FUNCTION tvm_epoch_micros(t timestamptz) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, public, pg_temp
AS $$ SELECT ((extract(epoch FROM t) * 1000000)::bigint)::text $$;

-- BEFORE INSERT on audit_logs (TG_ARGV[0] = 'audit') and data_access_logs ('access'): takes the chain's next position
-- under the head row's lock (held to commit) and stores seq, previous hash and row hash. Must stay byte-for-byte in
-- step with org.tvm.domain.audit.AuditChain (the verifier recomputes it there).
CREATE FUNCTION tvm_audit_chain_link() RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    chain uuid := COALESCE(NEW.facility_id, '00000000-0000-0000-0000-000000000000'::uuid);
    kind text := TG_ARGV[0];
    fields text;
    s bigint;
    h text;
BEGIN
    IF kind = 'access' THEN
        fields := tvm_chain_field(NEW.facility_id::text) || tvm_chain_field(NEW.user_id::text)
               || tvm_chain_field(NEW.resident_id::text) || tvm_chain_field(NEW.access_type)
               || tvm_chain_field(tvm_epoch_micros(NEW.accessed_at));
    ELSE
        fields := tvm_chain_field(NEW.facility_id::text) || tvm_chain_field(NEW.user_id::text)
               || tvm_chain_field(NEW.user_email) || tvm_chain_field(NEW.action)
               || tvm_chain_field(NEW.resource_type) || tvm_chain_field(NEW.resource_id::text)
               || tvm_chain_field(NEW.details::text) || tvm_chain_field(tvm_epoch_micros(NEW.timestamp))
               || tvm_chain_field(host(NEW.ip_address)) || tvm_chain_field(NEW.user_agent)
               || tvm_chain_field(CASE WHEN NEW.success THEN 'true' ELSE 'false' END)
               || tvm_chain_field(NEW.failure_reason);
    END IF;
    SELECT last_seq, last_hash INTO s, h FROM audit_chain_heads WHERE chain_id = chain FOR UPDATE;
    IF NOT FOUND THEN
        INSERT INTO audit_chain_heads (chain_id, last_seq, last_hash) VALUES (chain, 0, repeat('0', 64))
            ON CONFLICT (chain_id) DO NOTHING;
        SELECT last_seq, last_hash INTO s, h FROM audit_chain_heads WHERE chain_id = chain FOR UPDATE;
    END IF;
    NEW.chain_seq := s + 1;
    NEW.prev_hash := h;
    NEW.row_hash := encode(sha256(convert_to(
            tvm_chain_field('tvm-chain-v1') || tvm_chain_field(chain::text) || tvm_chain_field(NEW.chain_seq::text)
            || tvm_chain_field(kind) || tvm_chain_field(NEW.id::text) || fields || tvm_chain_field(h), 'UTF8')), 'hex');
    UPDATE audit_chain_heads SET last_seq = NEW.chain_seq, last_hash = NEW.row_hash
        WHERE chain_id = chain;
    RETURN NEW;
END;
$$;

CREATE TRIGGER audit_logs_chain_link BEFORE INSERT ON audit_logs
    FOR EACH ROW EXECUTE FUNCTION tvm_audit_chain_link('audit');
CREATE TRIGGER data_access_logs_chain_link BEFORE INSERT ON data_access_logs
    FOR EACH ROW EXECUTE FUNCTION tvm_audit_chain_link('access');

-- Append-only for everybody the triggers apply to (the app role already lacks UPDATE/DELETE; this stops the admin
-- role's casual edits). Whoever disables triggers is caught by the chain instead. Retention drops whole partitions.
CREATE FUNCTION tvm_audit_append_only() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = '42501';
END;
$$;

CREATE TRIGGER audit_logs_append_only BEFORE UPDATE OR DELETE ON audit_logs
    FOR EACH ROW EXECUTE FUNCTION tvm_audit_append_only();
CREATE TRIGGER data_access_logs_append_only BEFORE UPDATE OR DELETE ON data_access_logs
    FOR EACH ROW EXECUTE FUNCTION tvm_audit_append_only();
CREATE TRIGGER audit_logs_no_truncate BEFORE TRUNCATE ON audit_logs
    FOR EACH STATEMENT EXECUTE FUNCTION tvm_audit_append_only();
CREATE TRIGGER data_access_logs_no_truncate BEFORE TRUNCATE ON data_access_logs
    FOR EACH STATEMENT EXECUTE FUNCTION tvm_audit_append_only();

-- ------------------------------------------------------------------ automatic audit of changes

-- AFTER INSERT/UPDATE/DELETE on each audited table. Arguments: resource type, id column, withheld columns (values never
-- copied: sensitive, or bulky/binary), ignored columns (changes that alone are not audited: heartbeats). The entry's
-- details: 'changed' = the changed columns (comma-separated, sorted), 'old.<col>' / 'new.<col>' = their text values,
-- '[withheld]' for withheld columns (values in UTC, PostgreSQL's JSON text of the column). created_at, updated_at,
-- version, facility_id and the id column are never listed: the entry's own columns carry facility and id.
CREATE FUNCTION tvm_audit_row_change() RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, public, pg_temp
SET TimeZone = 'UTC'
AS $$
DECLARE
    withheld text[] := string_to_array(NULLIF(TG_ARGV[2], ''), ',');
    ignored text[] := string_to_array(NULLIF(TG_ARGV[3], ''), ',');
    o jsonb;
    n jsonb;
    r jsonb;
    k text;
    ov text;
    nv text;
    changed text[] := '{}';
    details jsonb := '{}';
    act text;
    actor uuid := NULLIF(current_setting('app.current_actor_id', true), '')::uuid;
    actor_user uuid;
BEGIN
    IF TG_OP <> 'INSERT' THEN o := to_jsonb(OLD); END IF;
    IF TG_OP <> 'DELETE' THEN n := to_jsonb(NEW); END IF;
    r := COALESCE(n, o);
    FOR k IN SELECT key FROM jsonb_object_keys(r) AS key ORDER BY key COLLATE "C" LOOP
        CONTINUE WHEN k IN ('created_at', 'updated_at', 'version', 'facility_id', TG_ARGV[1])
            OR k = ANY(COALESCE(ignored, '{}'));
        ov := o ->> k;
        nv := n ->> k;
        CONTINUE WHEN ov IS NOT DISTINCT FROM nv AND TG_OP = 'UPDATE';
        CONTINUE WHEN TG_OP <> 'UPDATE' AND ov IS NULL AND nv IS NULL;
        changed := changed || k;
        IF k = ANY(COALESCE(withheld, '{}')) THEN
            ov := CASE WHEN ov IS NULL THEN NULL ELSE '[withheld]' END;
            nv := CASE WHEN nv IS NULL THEN NULL ELSE '[withheld]' END;
        END IF;
        IF ov IS NOT NULL THEN details := details || jsonb_build_object('old.' || k, ov); END IF;
        IF nv IS NOT NULL THEN details := details || jsonb_build_object('new.' || k, nv); END IF;
    END LOOP;
    IF TG_OP = 'UPDATE' AND cardinality(changed) = 0 THEN
        RETURN NULL;
    END IF;
    act := TG_ARGV[0] || CASE
        WHEN TG_OP = 'INSERT' THEN '.create'
        WHEN TG_OP = 'DELETE' THEN '.delete'
        WHEN (o ->> 'deleted_at') IS NULL AND (n ->> 'deleted_at') IS NOT NULL THEN '.soft_delete'
        WHEN (o ->> 'deleted_at') IS NOT NULL AND (n ->> 'deleted_at') IS NULL THEN '.restore'
        ELSE '.update' END;
    details := details || jsonb_build_object('changed', array_to_string(changed, ','));
    -- audit_logs.user_id references users: an actor id that is no user is kept in the details instead
    IF actor IS NOT NULL THEN
        SELECT id INTO actor_user FROM users WHERE id = actor;
        IF actor_user IS NULL THEN
            details := details || jsonb_build_object('actor', actor::text);
        END IF;
    END IF;
    INSERT INTO audit_logs (facility_id, user_id, action, resource_type, resource_id, details, timestamp, success)
    VALUES ((r ->> 'facility_id')::uuid, actor_user, act, TG_ARGV[0], (r ->> TG_ARGV[1])::uuid, details, NOW(), TRUE);
    RETURN NULL;
END;
$$;

CREATE TRIGGER residents_audit AFTER INSERT OR UPDATE OR DELETE ON residents FOR EACH ROW
    EXECUTE FUNCTION tvm_audit_row_change('resident', 'id',
        'first_name,last_name,date_of_birth,gender,phone,emergency_contact_name,emergency_contact_phone,medical_notes,photo_url', '');
CREATE TRIGGER users_audit AFTER INSERT OR UPDATE OR DELETE ON users FOR EACH ROW
    EXECUTE FUNCTION tvm_audit_row_change('user', 'id',
        'password_hash,email_verification_token,mfa_secret,password_reset_token,phone', '');
CREATE TRIGGER user_roles_audit AFTER INSERT OR UPDATE OR DELETE ON user_roles FOR EACH ROW
    EXECUTE FUNCTION tvm_audit_row_change('user_role', 'user_id', '', 'assigned_at');
CREATE TRIGGER role_permissions_audit AFTER INSERT OR UPDATE OR DELETE ON role_permissions FOR EACH ROW
    EXECUTE FUNCTION tvm_audit_row_change('role_permission', 'role_id', '', '');
CREATE TRIGGER caregiver_assignments_audit AFTER INSERT OR UPDATE OR DELETE ON caregiver_assignments FOR EACH ROW
    EXECUTE FUNCTION tvm_audit_row_change('caregiver_assignment', 'resident_id', '', 'assigned_at');
CREATE TRIGGER vehicles_audit AFTER INSERT OR UPDATE OR DELETE ON vehicles FOR EACH ROW
    EXECUTE FUNCTION tvm_audit_row_change('vehicle', 'id', '',
        'last_heartbeat,current_location,current_point,battery_level');
CREATE TRIGGER missions_audit AFTER INSERT OR UPDATE OR DELETE ON missions FOR EACH ROW
    EXECUTE FUNCTION tvm_audit_row_change('mission', 'id', 'notes,failure_reason,pickup_coordinates,dropoff_coordinates', '');
CREATE TRIGGER locations_audit AFTER INSERT OR UPDATE OR DELETE ON locations FOR EACH ROW
    EXECUTE FUNCTION tvm_audit_row_change('location', 'id', 'coordinates', '');
CREATE TRIGGER maps_audit AFTER INSERT OR UPDATE OR DELETE ON maps FOR EACH ROW
    EXECUTE FUNCTION tvm_audit_row_change('map', 'id', 'data', '');

-- Privileges: the chain tables belong to the administration; the app reaches them only through the triggers.
GRANT ALL PRIVILEGES ON audit_chain_heads, audit_chain_checkpoints TO tvm_admin;
GRANT SELECT ON audit_chain_heads, audit_chain_checkpoints TO tvm_readonly;
REVOKE ALL ON FUNCTION tvm_audit_chain_link(), tvm_audit_row_change(), tvm_audit_append_only(), tvm_chain_field(text),
    tvm_epoch_micros(timestamptz) FROM PUBLIC;
