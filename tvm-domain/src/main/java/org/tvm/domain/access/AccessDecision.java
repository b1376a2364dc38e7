package org.tvm.domain.access;

import java.util.Objects;

/**
 * Outcome of an access rule with a human-readable reason, so a denial can be audited and explained
 * (ports turn a denial into their own AccessDeniedException).
 */
public record AccessDecision(boolean allowed, String reason) {

    public AccessDecision {
        Objects.requireNonNull(reason, "reason");
    }

    public static AccessDecision allow(String reason) {
        return new AccessDecision(true, reason);
    }

    public static AccessDecision deny(String reason) {
        return new AccessDecision(false, reason);
    }

    public boolean denied() {
        return !allowed;
    }
}
