package org.tvm.domain;

import java.util.Objects;

/**
 * Wraps personal or secret text (medical notes, MFA secrets) so it cannot leak through
 * {@code toString()}, log statements or exception messages by accident; reading it needs an explicit
 * {@link #reveal()}.
 */
public final class SensitiveText {
    private final String value;

    private SensitiveText(String value) {
        this.value = value;
    }

    /** @throws DomainValidationException if {@code value} is null or empty */
    public static SensitiveText of(String value) {
        if (value == null) {
            throw new DomainValidationException("SensitiveText", "value", "must not be null");
        }
        if (value.isEmpty()) {
            throw new DomainValidationException("SensitiveText", "value", "must not be empty");
        }
        return new SensitiveText(value);
    }

    /** Null-tolerant variant for optional columns: null stays null. */
    public static SensitiveText ofNullable(String value) {
        return value == null ? null : of(value);
    }

    public String reveal() {
        return value;
    }

    public int length() {
        return value.length();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SensitiveText other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    @Override
    public String toString() {
        return "SensitiveText[***]";
    }
}
