package org.tvm.ports;

/**
 * A number, date or time outside what its column stores: numeric out of range ({@code 22003}), datetime field overflow ({@code 22008}), invalid time zone displacement ({@code 22009}), division by zero ({@code 22012}) and other data exceptions (H2 22003, 22007).
 * See {@link InvalidValueException} for what it means for the transaction.
 *
 * <p>Message: {@code "Value out of range on TelemetrySample"}.
 */
public class ValueOutOfRangeException extends InvalidValueException {

    private static final long serialVersionUID = 1L;

    /**
     * @param entity nullable domain class simple name of the rejected row
     * @param column nullable column name
     * @param cause  nullable underlying driver exception (withheld: it quotes the value)
     */
    public ValueOutOfRangeException(String entity, String column, Throwable cause) {
        super("Value out of range", entity, column, cause);
    }
}
