-- V8: RBAC catalogue. Roles are the spec's six (§4.7). Permissions and grants are the domain's
-- DefaultAccess catalogue (a superset of spec §4.8/§4.9): the Java domain holds the same catalogue
-- and tests compare both. The spec's Appendix B seed facility/admin user is NOT part of the schema
-- of record (it would ship a known password hash); demo data belongs to the demo.

INSERT INTO roles (name, description) VALUES
    ('admin', 'Full system access, user management, config changes'),
    ('operator', 'Monitor fleet, dispatch missions, view telemetry'),
    ('nurse', 'Request transport, view mission status, cancel own missions'),
    ('caregiver', 'Request transport for assigned residents only'),
    ('maintenance', 'View vehicle diagnostics, initiate maintenance mode'),
    ('guest', 'View public status dashboard only');

INSERT INTO permissions (resource, action, description) VALUES
    ('mission', 'create', 'Create new missions'),
    ('mission', 'read', 'View mission details'),
    ('mission', 'update', 'Update mission (e.g., cancel)'),
    ('mission', 'delete', 'Delete mission'),
    ('mission', 'list', 'List all missions'),
    ('mission', 'cancel', 'Cancel missions'),
    ('mission', 'assign', 'Assign missions to vehicles (dispatch)'),
    ('vehicle', 'read', 'View vehicle details'),
    ('vehicle', 'list', 'List vehicles (fleet status)'),
    ('vehicle', 'control', 'Control vehicle (e-stop, reboot)'),
    ('vehicle', 'update', 'Update vehicle configuration'),
    ('vehicle', 'maintain', 'Put vehicles into maintenance, record maintenance'),
    ('telemetry', 'read', 'View vehicle telemetry'),
    ('resident', 'create', 'Add new residents'),
    ('resident', 'read', 'View resident profiles (PII access)'),
    ('resident', 'update', 'Update resident profiles'),
    ('resident', 'delete', 'Delete (soft-delete) residents'),
    ('resident', 'list', 'List residents'),
    ('user', 'create', 'Create new users'),
    ('user', 'read', 'View user accounts'),
    ('user', 'update', 'Update user accounts'),
    ('user', 'delete', 'Delete users'),
    ('user', 'list', 'List user accounts'),
    ('role', 'assign', 'Grant and revoke user roles'),
    ('audit', 'read', 'View audit and data-access logs'),
    ('dashboard', 'read', 'View the status dashboard');

INSERT INTO role_permissions (role_id, permission_id)
SELECT r.id, p.id
FROM (VALUES
    -- admin: everything
    ('admin', '*', '*'),
    -- operator
    ('operator', 'mission', 'create'), ('operator', 'mission', 'read'), ('operator', 'mission', 'list'),
    ('operator', 'mission', 'update'), ('operator', 'mission', 'assign'), ('operator', 'mission', 'cancel'),
    ('operator', 'vehicle', 'read'), ('operator', 'vehicle', 'list'), ('operator', 'vehicle', 'control'),
    ('operator', 'telemetry', 'read'), ('operator', 'dashboard', 'read'),
    -- nurse
    ('nurse', 'mission', 'create'), ('nurse', 'mission', 'read'), ('nurse', 'mission', 'list'), ('nurse', 'mission', 'cancel'),
    ('nurse', 'resident', 'read'), ('nurse', 'resident', 'list'), ('nurse', 'vehicle', 'read'), ('nurse', 'dashboard', 'read'),
    -- caregiver
    ('caregiver', 'mission', 'create'), ('caregiver', 'mission', 'read'), ('caregiver', 'mission', 'list'),
    ('caregiver', 'resident', 'read'), ('caregiver', 'resident', 'list'), ('caregiver', 'vehicle', 'read'),
    ('caregiver', 'dashboard', 'read'),
    -- maintenance
    ('maintenance', 'vehicle', 'read'), ('maintenance', 'vehicle', 'list'), ('maintenance', 'vehicle', 'update'),
    ('maintenance', 'vehicle', 'maintain'), ('maintenance', 'vehicle', 'control'),
    ('maintenance', 'telemetry', 'read'), ('maintenance', 'dashboard', 'read'),
    -- guest
    ('guest', 'dashboard', 'read')
) AS g(role_name, resource, action)
JOIN roles r ON r.name = g.role_name
JOIN permissions p ON (g.resource = '*' OR p.resource = g.resource) AND (g.action = '*' OR p.action = g.action);
