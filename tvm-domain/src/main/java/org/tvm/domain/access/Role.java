package org.tvm.domain.access;

import org.tvm.domain.DomainChecks;

/** A role as stored (name plus human description); what it may do lives in its permissions. */
public record Role(RoleName name, String description) {

    public Role {
        DomainChecks.required("Role", "name", name);
        DomainChecks.optionalText("Role", "description", description);
    }
}
