package org.tvm.adapter.sql;

/** The one wording both SQL adapters use when their options carry no key for the sensitive fields. */
public final class FieldKeys {

    /** Message of the {@link IllegalStateException} thrown when no key ring was chosen. */
    public static final String MISSING_KEY = "No key for the sensitive fields (medical notes, MFA secrets): pass "
            + "Options.defaults().keyRing(KeyRing.fromEnvironment(\"TVM_FIELD_KEYS\")) or .fieldCipher(...). Only tests "
            + "and demos may use .throwAwayKeyForTestsAndDemos(), whose key dies with the instance (sealed data becomes "
            + "unreadable for the next process).";

    private FieldKeys() {
    }
}
