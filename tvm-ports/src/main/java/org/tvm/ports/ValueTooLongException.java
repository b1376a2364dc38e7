package org.tvm.ports;

/**
 * A text or binary value is longer than its column (SQLState {@code 22001}; H2 vendor code 22001).
 * See {@link InvalidValueException} for what it means for the transaction.
 *
 * <p>Message: {@code "Value too long for its column on Resident"}.
 */
public class ValueTooLongException extends InvalidValueException {

    private static final long serialVersionUID = 1L;

    /**
     * @param entity nullable domain class simple name of the rejected row
     * @param column nullable column name
     * @param cause  nullable underlying driver exception (withheld: it quotes the value)
     */
    public ValueTooLongException(String entity, String column, Throwable cause) {
        super("Value too long for its column", entity, column, cause);
    }
}
