package org.tvm.migrations;

/**
 * A migration, validation or information request failed (bad connection, failed script, checksum
 * mismatch, unsupported configuration). Wraps the underlying tool's exception so that no Flyway type
 * appears in the public API; the message carries the underlying cause's text.
 */
public class MigrationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed
     * @param cause   the underlying exception, may be null
     */
    public MigrationException(String message, Throwable cause) {
        super(message, cause);
    }

    /** @param message what failed */
    public MigrationException(String message) {
        super(message);
    }
}
