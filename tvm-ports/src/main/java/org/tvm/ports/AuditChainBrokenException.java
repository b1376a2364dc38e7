package org.tvm.ports;

import org.tvm.domain.audit.ChainVerification;

/** An audit chain is not intact, so it was not signed. Carries the verification (row positions, never row content). */
public final class AuditChainBrokenException extends TvmPersistenceException {
    private static final long serialVersionUID = 1L;

    private final transient ChainVerification verification;

    public AuditChainBrokenException(ChainVerification verification) {
        super("Audit chain " + verification.chain() + " is broken: " + verification.firstBreak().map(Object::toString)
                .orElse("?"));
        this.verification = verification;
    }

    public ChainVerification verification() {
        return verification;
    }
}
