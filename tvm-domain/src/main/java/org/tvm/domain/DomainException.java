package org.tvm.domain;

/**
 * Common base of every rule the domain refuses, so callers (ports, adapters, applications) can tell
 * "the request was wrong" apart from infrastructure failures with a single catch.
 */
public class DomainException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DomainException(String message) {
        super(message);
    }

    public DomainException(String message, Throwable cause) {
        super(message, cause);
    }
}
