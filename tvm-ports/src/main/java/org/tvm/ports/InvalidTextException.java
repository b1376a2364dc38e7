package org.tvm.ports;

/**
 * A text the database cannot store or parse: a NUL character or an invalid byte sequence for the encoding ({@code 22021}), a NUL escape inside JSON ({@code 22P05}), malformed JSON or input syntax ({@code 22P02}, {@code 22032}; H2 22018 data conversion).
 * See {@link InvalidValueException} for what it means for the transaction.
 *
 * <p>Message: {@code "Invalid text on AuditEntry"}.
 */
public class InvalidTextException extends InvalidValueException {

    private static final long serialVersionUID = 1L;

    /**
     * @param entity nullable domain class simple name of the rejected row
     * @param column nullable column name
     * @param cause  nullable underlying driver exception (withheld: it quotes the value)
     */
    public InvalidTextException(String entity, String column, Throwable cause) {
        super("Invalid text", entity, column, cause);
    }
}
