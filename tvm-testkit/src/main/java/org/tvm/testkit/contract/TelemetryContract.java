package org.tvm.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tvm.testkit.contract.ContractSupport.baseNow;
import static org.tvm.testkit.contract.ContractSupport.newFacility;
import static org.tvm.testkit.contract.ContractSupport.run;
import static org.tvm.testkit.contract.ContractSupport.tx;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tvm.domain.facility.FacilityId;
import org.tvm.domain.fleet.Vehicle;
import org.tvm.domain.fleet.VehicleId;
import org.tvm.domain.telemetry.TelemetrySample;
import org.tvm.ports.AccessDeniedException;
import org.tvm.ports.TvmTransaction;
import org.tvm.ports.UnknownReferenceException;
import org.tvm.testkit.PersistenceUnderTest;
import org.tvm.testkit.data.TvmTestData;

/**
 * Contract of {@link org.tvm.ports.TelemetryRepository}: bulk append (5,000 samples in one call) stores every sample
 * with every field, all or nothing; {@code range} returns a half-open window newest first (reverse insertion order on
 * equal timestamps) up to the limit; {@code latest} and {@code latestPerVehicle} pick the newest sample; samples of
 * other facilities are refused with {@link AccessDeniedException} and samples of unknown vehicles with
 * {@link UnknownReferenceException}. Timestamps stay within a couple of hours of now (existing partitions).
 *
 * <p>Capabilities: none (partition management is covered by {@link AdministrationContract}).
 */
public abstract class TelemetryContract {

    /** @return the persistence under test (shared; every test creates its own facility) */
    protected abstract PersistenceUnderTest subject();

    private Vehicle vehicle(FacilityId f, Instant now) {
        Vehicle vehicle = TvmTestData.vehicle(f).at(now).build();
        run(subject(), f, (TvmTransaction tx) -> tx.vehicles().insert(vehicle));
        return vehicle;
    }

    @Test
    void sampleWithEveryFieldRoundTrips() {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        Vehicle v = vehicle(f, now);
        TelemetrySample full = TvmTestData.telemetry(f, v.id()).allFields().at(now.minusSeconds(1)).build();
        TelemetrySample sparse = TvmTestData.telemetry(f, v.id()).with(b -> b.position(null).speedMps(null).batteryLevel(null))
                .at(now.minusSeconds(2)).build();

        run(subject(), f, (TvmTransaction tx) -> tx.telemetry().append(List.of(full, sparse)));

        assertThat(tx(subject(), f, (TvmTransaction tx) -> tx.telemetry().range(v.id(), now.minusSeconds(60), now, 10)))
                .containsExactly(full, sparse);
    }

    @Test
    void bulkAppendOfFiveThousandSamplesStoresEveryOne() {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        Vehicle v = vehicle(f, now);
        List<TelemetrySample> samples = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            samples.add(TvmTestData.telemetry(f, v.id()).at(now.minusMillis(1000L * i + 7)).battery(i % 101)
                    .speed((i % 200) / 100.0).build());
        }

        run(subject(), f, (TvmTransaction tx) -> tx.telemetry().append(samples));

        List<TelemetrySample> read = new ArrayList<>();
        Instant to = now;
        for (int round = 0; round <= 5; round++) {
            Instant end = to;
            List<TelemetrySample> chunk = tx(subject(), f,
                    (TvmTransaction tx) -> tx.telemetry().range(v.id(), now.minusSeconds(6000), end, 1000));
            if (chunk.isEmpty()) {
                break;
            }
            read.addAll(chunk);
            to = chunk.get(chunk.size() - 1).timestamp();
        }
        assertThat(read).containsExactlyElementsOf(samples);
    }

    @Test
    void rangeIsNewestFirstWithinAHalfOpenWindowAndLimited() {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        Vehicle v = vehicle(f, now);
        List<TelemetrySample> samples = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            samples.add(TvmTestData.telemetry(f, v.id()).at(now.minusSeconds(100 - 10L * i)).battery(50 + i).build());
        }
        List<TelemetrySample> shuffled = new ArrayList<>(samples);
        java.util.Collections.shuffle(shuffled, new java.util.Random(7));
        run(subject(), f, (TvmTransaction tx) -> tx.telemetry().append(shuffled));
        List<TelemetrySample> newestFirst = new ArrayList<>(samples);
        java.util.Collections.reverse(newestFirst);

        run(subject(), f, (TvmTransaction tx) -> {
            assertThat(tx.telemetry().range(v.id(), now.minusSeconds(100), now, 100))
                    .containsExactlyElementsOf(newestFirst);
            assertThat(tx.telemetry().range(v.id(), now.minusSeconds(80), now.minusSeconds(40), 100))
                    .containsExactly(samples.get(5), samples.get(4), samples.get(3), samples.get(2));
            assertThat(tx.telemetry().range(v.id(), now.minusSeconds(100), now, 3))
                    .containsExactly(samples.get(9), samples.get(8), samples.get(7));
            assertThat(tx.telemetry().range(v.id(), now.minusSeconds(50), now.minusSeconds(50), 10)).isEmpty();
            assertThat(tx.telemetry().range(VehicleId.newId(), now.minusSeconds(100), now, 10)).isEmpty();
        });
    }

    @Test
    void samplesWithTheSameTimestampAreStoredTwiceAndReadInReverseInsertionOrder() {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        Vehicle v = vehicle(f, now);
        Instant at = now.minusSeconds(5);
        TelemetrySample first = TvmTestData.telemetry(f, v.id()).at(at).battery(10).build();
        TelemetrySample second = TvmTestData.telemetry(f, v.id()).at(at).battery(20).build();
        TelemetrySample third = TvmTestData.telemetry(f, v.id()).at(at).battery(10).build();

        run(subject(), f, (TvmTransaction tx) -> tx.telemetry().append(List.of(first, second)));
        run(subject(), f, (TvmTransaction tx) -> tx.telemetry().append(List.of(third)));

        run(subject(), f, (TvmTransaction tx) -> {
            assertThat(tx.telemetry().range(v.id(), at, now, 10)).containsExactly(third, second, first);
            assertThat(tx.telemetry().latest(v.id())).contains(third);
        });
    }

    @Test
    void latestIsTheSampleWithTheGreatestTimestamp() {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        Vehicle v = vehicle(f, now);
        TelemetrySample newest = TvmTestData.telemetry(f, v.id()).at(now.minusSeconds(1)).battery(33).build();
        TelemetrySample older = TvmTestData.telemetry(f, v.id()).at(now.minusSeconds(30)).battery(44).build();

        run(subject(), f, (TvmTransaction tx) -> tx.telemetry().append(List.of(newest, older)));

        run(subject(), f, (TvmTransaction tx) -> {
            assertThat(tx.telemetry().latest(v.id())).contains(newest);
            assertThat(tx.telemetry().latest(VehicleId.newId())).isEmpty();
        });
    }

    @Test
    void latestPerVehicleCoversVehiclesWithSamplesAndSkipsDeletedOnes() {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        Vehicle a = vehicle(f, now);
        Vehicle b = vehicle(f, now);
        Vehicle silent = vehicle(f, now);
        Vehicle deleted = vehicle(f, now);
        TelemetrySample aOld = TvmTestData.telemetry(f, a.id()).at(now.minusSeconds(20)).build();
        TelemetrySample aNew = TvmTestData.telemetry(f, a.id()).at(now.minusSeconds(10)).build();
        TelemetrySample bOnly = TvmTestData.telemetry(f, b.id()).at(now.minusSeconds(15)).build();
        TelemetrySample dOnly = TvmTestData.telemetry(f, deleted.id()).at(now.minusSeconds(5)).build();
        run(subject(), f, (TvmTransaction tx) -> {
            tx.telemetry().append(List.of(aNew, bOnly, aOld, dOnly));
            tx.vehicles().softDelete(deleted.id(), now);
        });

        Map<VehicleId, TelemetrySample> latest = tx(subject(), f, (TvmTransaction tx) -> tx.telemetry().latestPerVehicle());

        assertThat(latest).containsOnly(Map.entry(a.id(), aNew), Map.entry(b.id(), bOnly));
        assertThat(latest).doesNotContainKey(silent.id());
    }

    @Test
    void samplesOfAnotherFacilityAreRefusedBeforeAnythingIsWritten() {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        FacilityId other = newFacility(subject(), now);
        Vehicle v = vehicle(f, now);
        TelemetrySample good = TvmTestData.telemetry(f, v.id()).at(now.minusSeconds(1)).build();
        TelemetrySample foreign = TvmTestData.telemetry(other, v.id()).at(now.minusSeconds(2)).build();

        assertThatThrownBy(() -> run(subject(), f, (TvmTransaction tx) -> tx.telemetry().append(List.of(good, foreign))))
                .isInstanceOf(AccessDeniedException.class);

        assertThat(tx(subject(), f, (TvmTransaction tx) -> tx.telemetry().latest(v.id()))).isEmpty();
    }

    @Test
    void samplesOfAnUnknownVehicleAreAnUnknownReferenceAndNothingIsWritten() {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        Vehicle v = vehicle(f, now);
        TelemetrySample good = TvmTestData.telemetry(f, v.id()).at(now.minusSeconds(1)).build();
        TelemetrySample orphan = TvmTestData.telemetry(f, VehicleId.newId()).at(now.minusSeconds(2)).build();

        assertThatThrownBy(() -> run(subject(), f, (TvmTransaction tx) -> tx.telemetry().append(List.of(good, orphan))))
                .isInstanceOf(UnknownReferenceException.class);

        assertThat(tx(subject(), f, (TvmTransaction tx) -> tx.telemetry().range(v.id(), now.minusSeconds(60), now, 10))).isEmpty();
    }

    @Test
    void appendingAnEmptyListDoesNothing() {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        Vehicle v = vehicle(f, now);

        run(subject(), f, (TvmTransaction tx) -> tx.telemetry().append(List.of()));

        assertThat(tx(subject(), f, (TvmTransaction tx) -> tx.telemetry().latestPerVehicle())).isEmpty();
        assertThat(tx(subject(), f, (TvmTransaction tx) -> tx.telemetry().latest(v.id()))).isEmpty();
    }

    @Test
    void rangeValidatesWindowAndLimit() {
        Instant now = baseNow();
        FacilityId f = newFacility(subject(), now);
        Vehicle v = vehicle(f, now);

        assertThatThrownBy(() -> tx(subject(), f, (TvmTransaction tx) -> tx.telemetry().range(v.id(), now, now.minusSeconds(1), 10)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tx(subject(), f, (TvmTransaction tx) -> tx.telemetry().range(v.id(), now.minusSeconds(1), now, 0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tx(subject(), f, (TvmTransaction tx) -> tx.telemetry().range(v.id(), now.minusSeconds(1), now, 1001)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
