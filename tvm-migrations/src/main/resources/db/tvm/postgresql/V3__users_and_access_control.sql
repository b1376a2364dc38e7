-- V3: users and RBAC (spec §4.6 - §4.10).

CREATE TABLE users (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    facility_id UUID NOT NULL REFERENCES facilities(id),

    -- Credentials
    -- Deviation: no plain UNIQUE here; uniqueness is idx_users_email_unique (LOWER(email), non-deleted only, spec §5.3)
    email VARCHAR(255) NOT NULL,
    password_hash VARCHAR(255) NOT NULL,  -- bcrypt / argon2id modular crypt string

    -- Personal Information
    first_name VARCHAR(100) NOT NULL,
    last_name VARCHAR(100) NOT NULL,
    phone VARCHAR(20),

    -- Account Status
    status VARCHAR(20) NOT NULL DEFAULT 'active',
    email_verified BOOLEAN DEFAULT FALSE,
    email_verification_token VARCHAR(255),

    -- MFA: sealed (AES-256-GCM, base64) by the application; wider than the spec's VARCHAR(255)
    mfa_enabled BOOLEAN DEFAULT FALSE,
    mfa_secret TEXT,

    -- Password Reset
    password_reset_token VARCHAR(255),
    password_reset_expires TIMESTAMP WITH TIME ZONE,

    -- Last Login
    last_login_at TIMESTAMP WITH TIME ZONE,
    last_login_ip INET,

    -- Metadata
    created_at TIMESTAMP WITH TIME ZONE DEFAULT NOW(),
    updated_at TIMESTAMP WITH TIME ZONE DEFAULT NOW(),
    deleted_at TIMESTAMP WITH TIME ZONE,

    -- Constraints (spec name check_status is table-qualified: constraint names are schema-wide in H2)
    CONSTRAINT check_users_status CHECK (status IN ('active', 'inactive', 'locked', 'pending_verification')),
    CONSTRAINT check_users_email_format CHECK (email ~ '^[^\s@]+@[^\s@]+\.[^\s@]+$'),
    CONSTRAINT check_users_email_lower_case CHECK (email = lower(email)),
    CONSTRAINT check_users_mfa_secret CHECK (mfa_enabled IS NOT TRUE OR mfa_secret IS NOT NULL),
    CONSTRAINT check_users_password_reset_pair CHECK ((password_reset_token IS NULL) = (password_reset_expires IS NULL)),
    CONSTRAINT uq_users_id_facility UNIQUE (id, facility_id)
);

-- Indexes (spec §4.6 idx_users_email and §5.3 idx_users_email_unique are the same index: created once)
CREATE UNIQUE INDEX idx_users_email_unique ON users(LOWER(email)) WHERE deleted_at IS NULL;
CREATE INDEX idx_users_facility ON users(facility_id) WHERE deleted_at IS NULL;

CREATE TRIGGER update_users_updated_at BEFORE UPDATE ON users
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

-- Spec §4.7 (global catalogue, not facility-owned)
CREATE TABLE roles (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    name VARCHAR(50) NOT NULL,
    description TEXT,

    created_at TIMESTAMP WITH TIME ZONE DEFAULT NOW(),
    updated_at TIMESTAMP WITH TIME ZONE DEFAULT NOW(),

    CONSTRAINT roles_name_key UNIQUE (name)
);

CREATE TRIGGER update_roles_updated_at BEFORE UPDATE ON roles
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

-- Spec §4.8 (global catalogue)
CREATE TABLE permissions (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    resource VARCHAR(50) NOT NULL,
    action VARCHAR(50) NOT NULL,
    description TEXT,

    created_at TIMESTAMP WITH TIME ZONE DEFAULT NOW(),

    CONSTRAINT unique_permission UNIQUE (resource, action),
    CONSTRAINT check_permissions_resource_format CHECK (resource ~ '^[a-z_]{1,50}$'),
    CONSTRAINT check_permissions_action_format CHECK (action ~ '^[a-z_]{1,50}$')
);

-- Spec §4.9
CREATE TABLE role_permissions (
    role_id UUID NOT NULL REFERENCES roles(id) ON DELETE CASCADE,
    permission_id UUID NOT NULL REFERENCES permissions(id) ON DELETE CASCADE,

    PRIMARY KEY (role_id, permission_id)
);

CREATE INDEX idx_role_permissions_permission ON role_permissions(permission_id);

-- Spec §4.10 + facility_id (RLS; facility-consistent FKs to users)
CREATE TABLE user_roles (
    user_id UUID NOT NULL,
    role_id UUID NOT NULL REFERENCES roles(id) ON DELETE CASCADE,
    facility_id UUID NOT NULL REFERENCES facilities(id),

    assigned_at TIMESTAMP WITH TIME ZONE DEFAULT NOW(),
    assigned_by_user_id UUID,

    PRIMARY KEY (user_id, role_id),
    CONSTRAINT fk_user_roles_user FOREIGN KEY (user_id, facility_id)
        REFERENCES users(id, facility_id) ON DELETE CASCADE,
    CONSTRAINT fk_user_roles_assigned_by FOREIGN KEY (assigned_by_user_id, facility_id)
        REFERENCES users(id, facility_id)
);

CREATE INDEX idx_user_roles_user ON user_roles(user_id);
CREATE INDEX idx_user_roles_role ON user_roles(role_id);
