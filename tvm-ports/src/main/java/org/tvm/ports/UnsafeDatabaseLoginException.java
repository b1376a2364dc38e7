package org.tvm.ports;

import java.util.List;

/**
 * The application-side persistence was created with a PostgreSQL login that is not bound by row-level security (a
 * superuser, a role with {@code BYPASSRLS}, or the owner of the TVM tables). Every facility would then see every
 * other facility's rows as soon as a query forgot its filter, so the adapters refuse to start with it. Fix: connect
 * the application pool as a login that is a member of {@code tvm_app} only, e.g.
 * {@code CREATE ROLE tvm_server LOGIN PASSWORD '...' IN ROLE tvm_app}; keep the superuser or {@code tvm_admin} login
 * for the administration and migrations. Demos may opt out explicitly through the adapter's options.
 */
public class UnsafeDatabaseLoginException extends TvmPersistenceException {

    private static final long serialVersionUID = 1L;

    /**
     * @param login    nullable login name (a role name, not a secret)
     * @param problems non-empty list of what makes the login unsafe, e.g. "is a superuser"
     */
    public UnsafeDatabaseLoginException(String login, List<String> problems) {
        super("The application database login '" + login + "' " + String.join(" and ", problems)
                + ", so PostgreSQL row-level security does not restrict it and the facility boundary would not hold. "
                + "Connect the application pool as a login that is only a member of tvm_app (CREATE ROLE tvm_server "
                + "LOGIN PASSWORD '...' IN ROLE tvm_app), and keep superuser/tvm_admin logins for migrations and the "
                + "administration. For a demo only, the adapter options offer allowLoginBypassingRowLevelSecurity().");
    }
}
