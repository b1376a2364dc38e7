package org.tvm.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tvm.testkit.contract.ContractSupport.assumeCapability;
import static org.tvm.testkit.contract.ContractSupport.baseNow;
import static org.tvm.testkit.contract.ContractSupport.newFacility;
import static org.tvm.testkit.contract.ContractSupport.run;
import static org.tvm.testkit.contract.ContractSupport.tx;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tvm.domain.SensitiveText;
import org.tvm.domain.access.User;
import org.tvm.domain.facility.FacilityId;
import org.tvm.domain.resident.Resident;
import org.tvm.ports.Capability;
import org.tvm.ports.DuplicateKeyException;
import org.tvm.ports.TvmTransaction;
import org.tvm.testkit.PersistenceUnderTest;
import org.tvm.testkit.data.TvmTestData;

/**
 * Contract for sensitive fields ({@code Resident.medicalNotes}, {@code User.mfaSecret}): they round-trip exactly
 * (including non-ASCII text and updates), and with {@link Capability#AT_REST_FIELD_ENCRYPTION} the value stored in
 * {@code residents.medical_notes} / {@code users.mfa_secret} (read through {@link PersistenceUnderTest#rawStoredValue})
 * never contains the plaintext, differs between rows holding the same plaintext, and is NULL for a null value.
 * Exception messages of the ports never contain sensitive values.
 *
 * <p>Capabilities: {@link Capability#AT_REST_FIELD_ENCRYPTION} for the at-rest checks (skipped without it).
 */
public abstract class SensitiveFieldsContract {

    /** @return the persistence under test (shared; every test creates its own facility) */
    protected abstract PersistenceUnderTest subject();

    private static String notes() {
        return "Diabetes type 2, insulin at 08:00; allergic to latex \u2013 Notfallkontakt \u00fcber Station " + TvmTestData.unique();
    }

    private static String secret() {
        return "JBSWY3DPEHPK3PXP" + TvmTestData.randomLetters(16).toUpperCase(java.util.Locale.ROOT);
    }

    private Resident residentWithNotes(FacilityId f, Instant now, String notes) {
        Resident resident = TvmTestData.resident(f).medicalNotes(notes).at(now).build();
        run(subject(), f, (TvmTransaction tx) -> tx.residents().insert(resident));
        return resident;
    }

    private User userWithSecret(FacilityId f, Instant now, String secret) {
        User user = TvmTestData.user(f).mfaSecret(secret).at(now).build();
        run(subject(), f, (TvmTransaction tx) -> tx.users().insert(user));
        return user;
    }

    private void assertSealed(Optional<String> raw, String plaintext) {
        assertThat(raw).as("stored value").isPresent();
        assertThat(raw.get()).isNotEqualTo(plaintext).doesNotContain(plaintext);
        assertThat(raw.get()).doesNotContain(plaintext.substring(0, 16));
    }

    @Test
    void medicalNotesRoundTripExactly() {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        String notes = notes();
        Resident resident = residentWithNotes(f, now, notes);

        Resident read = tx(subject(), f, (TvmTransaction tx) -> tx.residents().findById(resident.id()).orElseThrow());

        assertThat(read.medicalNotes()).isEqualTo(SensitiveText.of(notes));
        assertThat(read.medicalNotes().reveal()).isEqualTo(notes);
    }

    @Test
    void mfaSecretRoundTripsExactly() {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        String secret = secret();
        User user = userWithSecret(f, now, secret);

        User read = tx(subject(), f, (TvmTransaction tx) -> tx.users().findById(user.id()).orElseThrow());

        assertThat(read.mfaEnabled()).isTrue();
        assertThat(read.mfaSecret().reveal()).isEqualTo(secret);
        assertThat(tx(subject(), f, (TvmTransaction tx) -> tx.users().findByEmail(user.email()).orElseThrow().mfaSecret()))
                .isEqualTo(SensitiveText.of(secret));
    }

    @Test
    void updatedMedicalNotesRoundTrip() {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        Resident resident = residentWithNotes(f, now, notes());
        String changed = notes();

        run(subject(), f, (TvmTransaction tx) -> tx.residents().update(resident.toBuilder().medicalNotes(SensitiveText.of(changed)).build()));

        assertThat(tx(subject(), f, (TvmTransaction tx) -> tx.residents().findById(resident.id()).orElseThrow().medicalNotes().reveal()))
                .isEqualTo(changed);
    }

    @Test
    void medicalNotesAreNotStoredInPlaintext() {
        assumeCapability(subject(), Capability.AT_REST_FIELD_ENCRYPTION, "the database must hold only ciphertext");
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        String notes = notes();
        Resident resident = residentWithNotes(f, now, notes);

        assertSealed(subject().rawStoredValue("residents", "medical_notes", resident.id().value()), notes);
    }

    @Test
    void mfaSecretIsNotStoredInPlaintext() {
        assumeCapability(subject(), Capability.AT_REST_FIELD_ENCRYPTION, "the database must hold only ciphertext");
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        String secret = secret();
        User user = userWithSecret(f, now, secret);

        assertSealed(subject().rawStoredValue("users", "mfa_secret", user.id().value()), secret);
    }

    @Test
    void updatedMedicalNotesAreSealedAgain() {
        assumeCapability(subject(), Capability.AT_REST_FIELD_ENCRYPTION, "the database must hold only ciphertext");
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        Resident resident = residentWithNotes(f, now, notes());
        String before = subject().rawStoredValue("residents", "medical_notes", resident.id().value()).orElseThrow();
        String changed = notes();

        run(subject(), f, (TvmTransaction tx) -> tx.residents().update(resident.toBuilder().medicalNotes(SensitiveText.of(changed)).build()));

        Optional<String> after = subject().rawStoredValue("residents", "medical_notes", resident.id().value());
        assertSealed(after, changed);
        assertThat(after.get()).isNotEqualTo(before);
    }

    @Test
    void samePlaintextIsSealedDifferentlyForDifferentRows() {
        assumeCapability(subject(), Capability.AT_REST_FIELD_ENCRYPTION, "sealing uses a random nonce and row-bound context");
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        String notes = notes();
        Resident a = residentWithNotes(f, now, notes);
        Resident b = residentWithNotes(f, now, notes);

        String rawA = subject().rawStoredValue("residents", "medical_notes", a.id().value()).orElseThrow();
        String rawB = subject().rawStoredValue("residents", "medical_notes", b.id().value()).orElseThrow();

        assertThat(rawA).isNotEqualTo(rawB);
    }

    @Test
    void absentSensitiveValuesAreStoredAsNull() {
        assumeCapability(subject(), Capability.AT_REST_FIELD_ENCRYPTION, "sealing maps null to NULL");
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        Resident resident = TvmTestData.resident(f).at(now).build();
        User user = TvmTestData.user(f).at(now).build();
        run(subject(), f, (TvmTransaction tx) -> {
            tx.residents().insert(resident);
            tx.users().insert(user);
        });

        assertThat(subject().rawStoredValue("residents", "medical_notes", resident.id().value())).isEmpty();
        assertThat(subject().rawStoredValue("users", "mfa_secret", user.id().value())).isEmpty();
        assertThat(tx(subject(), f, (TvmTransaction tx) -> tx.residents().findById(resident.id()).orElseThrow().medicalNotes())).isNull();
    }

    @Test
    void exceptionMessagesNeverContainSensitiveValues() {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        String notes = notes();
        String secret = secret();
        Resident resident = residentWithNotes(f, now, notes);
        User user = TvmTestData.user(f).allFields().mfaSecret(secret).at(now).build();
        run(subject(), f, (TvmTransaction tx) -> tx.users().insert(user));

        assertThatThrownBy(() -> run(subject(), f, (TvmTransaction tx) -> tx.residents().insert(resident)))
                .isInstanceOf(DuplicateKeyException.class)
                .satisfies(e -> assertThat(String.valueOf(e.getMessage())).doesNotContain(notes));
        assertThatThrownBy(() -> run(subject(), f, (TvmTransaction tx) -> tx.users().insert(user)))
                .isInstanceOf(DuplicateKeyException.class)
                .satisfies(e -> assertThat(String.valueOf(e.getMessage())).doesNotContain(secret)
                        .doesNotContain(user.passwordHash().value()).doesNotContain(user.passwordResetToken())
                        .doesNotContain(user.emailVerificationToken()).doesNotContain(user.email().value()));
    }
}
