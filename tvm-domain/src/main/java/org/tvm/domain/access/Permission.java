package org.tvm.domain.access;

import java.util.regex.Pattern;
import org.tvm.domain.DomainValidationException;

/** A {@code resource:action} right (e.g. {@code mission:create}), the unit roles are granted. */
public record Permission(String resource, String action) {

    private static final Pattern PART = Pattern.compile("^[a-z_]{1,50}$");

    public Permission {
        check("resource", resource);
        check("action", action);
    }

    private static void check(String field, String value) {
        if (value == null || !PART.matcher(value).matches()) {
            throw new DomainValidationException("Permission", field,
                    "must be 1..50 characters of a-z and '_'" + (value == null ? " (was null)" : ""));
        }
    }

    public static Permission of(String resource, String action) {
        return new Permission(resource, action);
    }

    /** Parses {@code "resource:action"}. */
    public static Permission parse(String text) {
        int colon = text == null ? -1 : text.indexOf(':');
        if (colon < 0 || text.indexOf(':', colon + 1) >= 0) {
            throw new DomainValidationException("Permission", "value",
                    "must look like 'resource:action'" + (text == null ? " (was null)" : ""));
        }
        return new Permission(text.substring(0, colon), text.substring(colon + 1));
    }

    @Override
    public String toString() {
        return resource + ":" + action;
    }
}
