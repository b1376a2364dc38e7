package org.tvm.adapter.sql;

import org.tvm.ports.crypto.AesGcmFieldCipher;
import org.tvm.ports.crypto.FieldCipher;
import org.tvm.ports.crypto.KeyRing;

/** The one rule (and wording) both SQL adapters apply when their options carry no key for the sensitive fields. */
public final class FieldKeys {

    /** Message of the {@link IllegalStateException} thrown when no key ring was chosen. */
    public static final String MISSING_KEY = "No key for the sensitive fields (medical notes, MFA secrets): pass "
            + "Options.defaults().keyRing(KeyRing.fromEnvironment(\"TVM_FIELD_KEYS\")) or .fieldCipher(...). Only tests "
            + "and demos may use .throwAwayKeyForTestsAndDemos(), whose key dies with the instance (sealed data becomes "
            + "unreadable for the next process).";

    private FieldKeys() {
    }

    /**
     * @param chosen       nullable cipher the options carry
     * @param throwAwayKey whether the options chose a throw-away key (tests and demos)
     * @return the cipher to seal sensitive fields with
     * @throws IllegalStateException with {@link #MISSING_KEY} if neither was chosen
     */
    public static FieldCipher cipher(FieldCipher chosen, boolean throwAwayKey) {
        if (chosen != null) {
            return chosen;
        }
        if (!throwAwayKey) {
            throw new IllegalStateException(MISSING_KEY);
        }
        return new AesGcmFieldCipher(KeyRing.generate("throw-away"));
    }
}
