package org.tvm.ports.crypto;

/**
 * Port for application-layer encryption of single column values.
 *
 * <p>An adapter seals a value just before it is written and opens it just after it is read:
 *
 * <pre>{@code
 * CipherContext ctx = CipherContext.forResidentMedicalNotes(resident.facilityId(), resident.id());
 * String stored = cipher.seal(resident.medicalNotes(), ctx);   // -> residents.medical_notes
 * String notes  = cipher.open(row.getString("medical_notes"), ctx);
 * }</pre>
 *
 * <h2>Context binding</h2>
 * The {@link CipherContext} is authenticated together with the ciphertext. A sealed value only opens
 * under exactly the context it was sealed with, so copying it to another row, column, table or
 * facility makes {@link #open} fail. The row id must therefore be known (assigned by the
 * application) before the value is sealed, and changing a row's facility requires re-sealing.
 *
 * <h2>Null rules</h2>
 * <ul>
 *   <li>{@code seal(null, ctx)} returns {@code null} and {@code open(null, ctx)} returns
 *       {@code null}, so a nullable column maps to a nullable column without special cases in
 *       adapters. (This reveals that the value is absent, which the schema's nullable column reveals
 *       anyway.)</li>
 *   <li>The empty string is a value like any other: it seals to a non-empty sealed string and
 *       opens back to {@code ""}; {@code open("", ctx)} is rejected as malformed.</li>
 *   <li>{@code context} must never be {@code null}, even for a {@code null} value:
 *       a {@link NullPointerException} is thrown.</li>
 * </ul>
 *
 * <h2>Errors</h2>
 * Every failure to seal or open (malformed input, unsupported version, unknown key id, failed
 * authentication, unencodable plaintext, provider failure) is reported as a
 * {@link FieldCipherException} whose {@link FieldCipherException#reason() reason} tells them apart
 * and whose message never includes plaintext or key material. {@code open} never returns a value
 * that did not authenticate.
 *
 * <h2>Thread-safety</h2>
 * Implementations must be safe for concurrent use by any number of threads; one instance is meant
 * to be shared by a whole application.
 */
public interface FieldCipher {

    /**
     * Encrypts and authenticates {@code plaintext} for storage in the column described by
     * {@code context}. Sealing the same value twice yields different sealed strings (random nonce).
     *
     * @param plaintext the value to protect; {@code null} yields {@code null}
     * @param context   where the value will be stored; never {@code null}
     * @return a printable ASCII sealed string, or {@code null} if {@code plaintext} is {@code null}
     * @throws NullPointerException  if {@code context} is {@code null}
     * @throws FieldCipherException  if the plaintext cannot be encoded or the provider fails
     */
    String seal(String plaintext, CipherContext context);

    /**
     * Verifies and decrypts a value produced by {@link #seal} with the same {@code context}.
     *
     * @param sealed  a sealed string read from the database; {@code null} yields {@code null}
     * @param context where the value was read from; never {@code null}
     * @return the original plaintext, or {@code null} if {@code sealed} is {@code null}
     * @throws NullPointerException if {@code context} is {@code null}
     * @throws FieldCipherException if the value is malformed, uses an unsupported version or an
     *                              unknown key id, or fails authentication
     */
    String open(String sealed, CipherContext context);
}
