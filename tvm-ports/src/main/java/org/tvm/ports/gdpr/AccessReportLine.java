package org.tvm.ports.gdpr;

import java.time.Instant;
import java.util.Set;
import org.tvm.domain.access.RoleName;
import org.tvm.domain.access.UserId;

/**
 * One line of a resident's access report: who ({@code userId}, null for the system) did what ({@code what}: a
 * data-access type {@code read|update|export}, or an audit action such as {@code resident.update}) when, with the
 * roles the user holds now (roles are not stored per access; a revoked role no longer shows).
 */
public record AccessReportLine(Instant at, UserId userId, Set<RoleName> roles, String what) {
    public AccessReportLine {
        roles = Set.copyOf(roles);
    }
}
