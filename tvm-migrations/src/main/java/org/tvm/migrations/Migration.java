package org.tvm.migrations;

import java.util.Objects;

/**
 * One versioned migration script.
 *
 * @param version     the version, e.g. {@code "4"}, never null
 * @param description the description derived from the file name, e.g. {@code "residents vehicles missions"}, never null
 */
public record Migration(String version, String description) {

    /** Validates the components. */
    public Migration {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(description, "description");
    }
}
