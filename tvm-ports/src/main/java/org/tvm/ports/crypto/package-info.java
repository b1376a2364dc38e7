/**
 * Application-layer field encryption for columns that the database design marks as
 * "encrypted at the application layer" ({@code residents.medical_notes},
 * {@code users.mfa_secret}).
 *
 * <p>Adapters (JPA, MyBatis, in-memory) call {@link org.tvm.ports.crypto.FieldCipher#seal} before a
 * value reaches the database and {@link org.tvm.ports.crypto.FieldCipher#open} after it is read.
 * The sealed form is a compact ASCII string (see {@link org.tvm.ports.crypto.AesGcmFieldCipher} for
 * the exact format) that is bound, through AES-GCM associated data, to the
 * {@link org.tvm.ports.crypto.CipherContext} (facility, table, column, row) it was sealed for.
 *
 * <p>Keys live in a {@link org.tvm.ports.crypto.KeyRing}, which is built from configuration
 * (for example {@link org.tvm.ports.crypto.KeyRing#fromEnvironment(String)}), never from literals in
 * code. Only the JDK ({@code javax.crypto}) is used.
 */
package org.tvm.ports.crypto;
