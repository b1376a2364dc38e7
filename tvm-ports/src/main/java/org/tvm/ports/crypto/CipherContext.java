package org.tvm.ports.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * Where a sealed value lives: the owning facility, the table and column, and the row's primary key.
 * It is authenticated as AES-GCM associated data, so a sealed value opens only under the exact same
 * context. Table and column names are compared exactly (case-sensitive); use the SQL names from the
 * database design, e.g. {@code "residents"} / {@code "medical_notes"}, or the factory methods below
 * so that all adapters agree.
 *
 * @param facilityId the facility (tenant) that owns the row; non-null
 * @param table      the table name; non-null, not blank, well-formed UTF-16
 * @param column     the column name; non-null, not blank, well-formed UTF-16
 * @param rowId      the row's primary key; non-null
 */
public record CipherContext(UUID facilityId, String table, String column, UUID rowId) {

    /** Table name of resident profiles. */
    public static final String RESIDENTS_TABLE = "residents";
    /** Encrypted column {@code residents.medical_notes}. */
    public static final String MEDICAL_NOTES_COLUMN = "medical_notes";
    /** Table name of user accounts. */
    public static final String USERS_TABLE = "users";
    /** Encrypted column {@code users.mfa_secret}. */
    public static final String MFA_SECRET_COLUMN = "mfa_secret";

    /**
     * @throws NullPointerException     if a component is null
     * @throws IllegalArgumentException if table or column is blank or contains an unpaired surrogate
     */
    public CipherContext {
        Objects.requireNonNull(facilityId, "facilityId");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(rowId, "rowId");
        requireName(table, "table");
        requireName(column, "column");
    }

    private static void requireName(String name, String what) {
        if (name.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < name.length() && Character.isLowSurrogate(name.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                // would not survive UTF-8 encoding unambiguously
                throw new IllegalArgumentException(what + " contains an unpaired surrogate");
            }
        }
    }

    /** Context of {@code residents.medical_notes} for the given resident. */
    public static CipherContext forResidentMedicalNotes(UUID facilityId, UUID residentId) {
        return new CipherContext(facilityId, RESIDENTS_TABLE, MEDICAL_NOTES_COLUMN, residentId);
    }

    /** Context of {@code users.mfa_secret} for the given user. */
    public static CipherContext forUserMfaSecret(UUID facilityId, UUID userId) {
        return new CipherContext(facilityId, USERS_TABLE, MFA_SECRET_COLUMN, userId);
    }

    /** Same facility, table and column, another row. */
    public CipherContext withRowId(UUID otherRowId) {
        return new CipherContext(facilityId, table, column, otherRowId);
    }

    /** {@code table.column} — used in messages; contains no secret. */
    String qualifiedColumn() {
        return table + "." + column;
    }

    /**
     * Unambiguous binary encoding of the four fields, each as a 4-byte big-endian length followed by
     * its bytes: facility id (16 bytes, most significant half first), table (UTF-8), column
     * (UTF-8), row id (16 bytes).
     */
    byte[] encode() {
        byte[] tableBytes = table.getBytes(StandardCharsets.UTF_8);
        byte[] columnBytes = column.getBytes(StandardCharsets.UTF_8);
        ByteBuffer buf = ByteBuffer.allocate(4 + 16 + 4 + tableBytes.length + 4 + columnBytes.length + 4 + 16);
        putUuid(buf, facilityId);
        buf.putInt(tableBytes.length).put(tableBytes);
        buf.putInt(columnBytes.length).put(columnBytes);
        putUuid(buf, rowId);
        return buf.array();
    }

    private static void putUuid(ByteBuffer buf, UUID uuid) {
        buf.putInt(16).putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
    }
}
