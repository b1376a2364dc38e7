-- H2 mirror of postgresql/V3. INET -> VARCHAR(45).
-- TEXT -> VARCHAR (unbounded, H2 limit 1 000 000 characters) rather than CLOB, so drivers and ORMs see plain strings.
-- H2 has neither partial nor expression indexes: idx_users_email_unique sits on the H2-only generated column
-- unique_live_email, which is the e-mail while the user is not deleted and NULL afterwards (NULLs never collide),
-- so a soft-deleted user's e-mail can be re-used exactly as on PostgreSQL. Case-insensitivity holds through
-- check_users_email_lower_case.

CREATE TABLE users (
    id UUID DEFAULT RANDOM_UUID() NOT NULL,
    facility_id UUID NOT NULL,
    email VARCHAR(255) NOT NULL,
    password_hash VARCHAR(255) NOT NULL,
    first_name VARCHAR(100) NOT NULL,
    last_name VARCHAR(100) NOT NULL,
    phone VARCHAR(20),
    status VARCHAR(20) DEFAULT 'active' NOT NULL,
    email_verified BOOLEAN DEFAULT FALSE,
    email_verification_token VARCHAR(255),
    mfa_enabled BOOLEAN DEFAULT FALSE,
    mfa_secret VARCHAR,
    password_reset_token VARCHAR(255),
    password_reset_expires TIMESTAMP WITH TIME ZONE,
    last_login_at TIMESTAMP WITH TIME ZONE,
    last_login_ip VARCHAR(45),
    created_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
    deleted_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT users_pkey PRIMARY KEY (id),
    CONSTRAINT users_facility_id_fkey FOREIGN KEY (facility_id) REFERENCES facilities(id),
    CONSTRAINT check_users_status CHECK (status IN ('active', 'inactive', 'locked', 'pending_verification')),
    unique_live_email VARCHAR(255) GENERATED ALWAYS AS (CASE WHEN deleted_at IS NULL THEN email END),
    CONSTRAINT check_users_email_format CHECK (email ~ '^[^\s@]+@[^\s@]+\.[^\s@]+$'),
    CONSTRAINT check_users_email_lower_case CHECK (email = LOWER(email)),
    CONSTRAINT check_users_mfa_secret CHECK (mfa_enabled IS NOT TRUE OR mfa_secret IS NOT NULL),
    CONSTRAINT check_users_password_reset_pair CHECK ((password_reset_token IS NULL) = (password_reset_expires IS NULL)),
    CONSTRAINT uq_users_id_facility UNIQUE (id, facility_id)
);

CREATE UNIQUE INDEX idx_users_email_unique ON users(unique_live_email);
CREATE INDEX idx_users_facility ON users(facility_id);

CREATE TABLE roles (
    id UUID DEFAULT RANDOM_UUID() NOT NULL,
    name VARCHAR(50) NOT NULL,
    description VARCHAR,
    created_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
    CONSTRAINT roles_pkey PRIMARY KEY (id),
    CONSTRAINT roles_name_key UNIQUE (name)
);

CREATE TABLE permissions (
    id UUID DEFAULT RANDOM_UUID() NOT NULL,
    resource VARCHAR(50) NOT NULL,
    action VARCHAR(50) NOT NULL,
    description VARCHAR,
    created_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT permissions_pkey PRIMARY KEY (id),
    CONSTRAINT unique_permission UNIQUE (resource, action),
    CONSTRAINT check_permissions_resource_format CHECK (resource ~ '^[a-z_]{1,50}$'),
    CONSTRAINT check_permissions_action_format CHECK (action ~ '^[a-z_]{1,50}$')
);

CREATE TABLE role_permissions (
    role_id UUID NOT NULL,
    permission_id UUID NOT NULL,
    CONSTRAINT role_permissions_pkey PRIMARY KEY (role_id, permission_id),
    CONSTRAINT role_permissions_role_id_fkey FOREIGN KEY (role_id) REFERENCES roles(id) ON DELETE CASCADE,
    CONSTRAINT role_permissions_permission_id_fkey FOREIGN KEY (permission_id) REFERENCES permissions(id) ON DELETE CASCADE
);

CREATE INDEX idx_role_permissions_permission ON role_permissions(permission_id);

CREATE TABLE user_roles (
    user_id UUID NOT NULL,
    role_id UUID NOT NULL,
    facility_id UUID NOT NULL,
    assigned_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP,
    assigned_by_user_id UUID,
    CONSTRAINT user_roles_pkey PRIMARY KEY (user_id, role_id),
    CONSTRAINT user_roles_role_id_fkey FOREIGN KEY (role_id) REFERENCES roles(id) ON DELETE CASCADE,
    CONSTRAINT user_roles_facility_id_fkey FOREIGN KEY (facility_id) REFERENCES facilities(id),
    CONSTRAINT fk_user_roles_user FOREIGN KEY (user_id, facility_id) REFERENCES users(id, facility_id) ON DELETE CASCADE,
    CONSTRAINT fk_user_roles_assigned_by FOREIGN KEY (assigned_by_user_id, facility_id) REFERENCES users(id, facility_id)
);

CREATE INDEX idx_user_roles_user ON user_roles(user_id);
CREATE INDEX idx_user_roles_role ON user_roles(role_id);
