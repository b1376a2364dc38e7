package org.tvm.testkit.contract;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;
import org.tvm.domain.facility.Facility;
import org.tvm.domain.facility.FacilityId;
import org.tvm.ports.Capability;
import org.tvm.ports.TransactionWork;
import org.tvm.ports.TvmContext;
import org.tvm.ports.TvmTransaction;
import org.tvm.testkit.PersistenceUnderTest;
import org.tvm.testkit.data.TvmTestData;

/**
 * Small static helpers shared by the contract classes (not a base class: every contract stays flat and declares its own
 * {@code subject()} factory method).
 */
public final class ContractSupport {

    /** Wide window for data written with the adapter's own clock (e.g. data-access entries). */
    public static final Instant WINDOW_START = Instant.parse("2000-01-01T00:00:00Z");
    /** Wide window end for data written with the adapter's own clock. */
    public static final Instant WINDOW_END = Instant.parse("2100-01-01T00:00:00Z");

    private ContractSupport() {
    }

    /** @return the base instant of a test: now, truncated to microseconds */
    public static Instant baseNow() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** Creates a fresh facility through the administration and returns its id. */
    public static FacilityId newFacility(PersistenceUnderTest subject, Instant now) {
        Facility facility = TvmTestData.facility().at(now).build();
        subject.administration().createFacility(facility);
        return facility.id();
    }

    /** Runs {@code work} in a read-write transaction with a system context of {@code facility}. */
    public static <T> T tx(PersistenceUnderTest subject, FacilityId facility, TransactionWork<T> work) {
        return subject.persistence().inTransaction(TvmContext.system(facility), work);
    }

    /** Runs {@code work} in a read-write transaction with a system context of {@code facility}. */
    public static void run(PersistenceUnderTest subject, FacilityId facility, Consumer<TvmTransaction> work) {
        subject.persistence().run(TvmContext.system(facility), work);
    }

    /** Runs {@code work} in a read-only transaction with a system context of {@code facility}. */
    public static <T> T readOnly(PersistenceUnderTest subject, FacilityId facility, TransactionWork<T> work) {
        return subject.persistence().inReadOnlyTransaction(TvmContext.system(facility), work);
    }

    /** Skips (visibly) unless the subject declares {@code capability}. */
    public static void assumeCapability(PersistenceUnderTest subject, Capability capability, String why) {
        assumeTrue(subject.capabilities().contains(capability), "needs " + capability + " because " + why);
    }
}
