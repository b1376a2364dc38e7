package org.tvm.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tvm.testkit.contract.ContractSupport.WINDOW_END;
import static org.tvm.testkit.contract.ContractSupport.WINDOW_START;
import static org.tvm.testkit.contract.ContractSupport.baseNow;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tvm.domain.access.RoleName;
import org.tvm.domain.audit.AuditEntry;
import org.tvm.domain.fleet.VehicleLogEntry;
import org.tvm.domain.json.JsonObject;
import org.tvm.domain.json.JsonValue;
import org.tvm.domain.mission.MissionEvent;
import org.tvm.domain.mission.MissionTransition;
import org.tvm.ports.TvmTransaction;
import org.tvm.ports.query.PageRequest;
import org.tvm.testkit.PersistenceUnderTest;
import org.tvm.testkit.data.FacilityWorld;
import org.tvm.testkit.data.TvmTestData;

/**
 * Contract of every {@code details} document (mission events, vehicle logs, audit entries): any JSON object within
 * {@link JsonObject}'s limits is stored and read back equal — numbers stay numbers (also beyond {@code long}, decimals
 * exact), booleans, null, arrays and nested objects keep their shape — written in one transaction, read in another.
 * The flat text view ({@code details()}) keeps every key and renders scalars as written.
 *
 * <p>Capabilities: none.
 */
public abstract class JsonDetailsContract {

    /** @return the persistence under test (shared; every test creates its own facility) */
    protected abstract PersistenceUnderTest subject();

    @Test
    void missionEventDetailsRoundTripAnyJson() {
        Instant now = baseNow();
        FacilityWorld w = FacilityWorld.create(subject(), now);
        MissionTransition requested = TvmTestData.mission(w.facilityId(), w.residentId(1), w.userId(RoleName.OPERATOR))
                .at(now).build();
        MissionEvent e = requested.event();
        MissionEvent rich = new MissionEvent(e.missionId(), e.facilityId(), e.type(), e.vehicleId(),
                TvmTestData.richDetails(), e.occurredAt(), e.triggeredBy());
        MissionTransition created = new MissionTransition(requested.mission(), rich, requested.expectedVersion());

        w.run((TvmTransaction tx) -> tx.missions().insert(created));

        List<MissionEvent> read = w.inTransaction((TvmTransaction tx) -> tx.missions().events(created.mission().id()));
        assertThat(read).containsExactly(rich);
        assertSameDocument(read.get(0).detailsJson(), rich.detailsJson());
        // the flat text view keeps every key; nested documents may come back with their keys re-ordered (jsonb)
        assertThat(read.get(0).details().keySet()).isEqualTo(rich.details().keySet());
        assertThat(read.get(0).details().get("retry_count")).isEqualTo("2");
    }

    @Test
    void vehicleLogDetailsRoundTripAnyJson() {
        Instant now = baseNow();
        FacilityWorld w = FacilityWorld.create(subject(), now);
        VehicleLogEntry entry = TvmTestData.vehicleLog(w.facilityId(), w.vehicleId(0)).at(now)
                .with(b -> b.detailsJson(TvmTestData.richDetails())).build();
        VehicleLogEntry scalar = TvmTestData.vehicleLog(w.facilityId(), w.vehicleId(0)).at(now.plusSeconds(1))
                .with(b -> b.detailsJson(JsonObject.of(Map.of("battery", 17, "charging", true)))).build();

        w.run((TvmTransaction tx) -> tx.vehicles().appendLogs(List.of(entry, scalar)));

        List<VehicleLogEntry> read = w.inTransaction((TvmTransaction tx) ->
                tx.vehicles().logs(w.vehicleId(0), WINDOW_START, WINDOW_END, 10));
        assertThat(read).containsExactly(scalar, entry);
        assertSameDocument(read.get(1).detailsJson(), entry.detailsJson());
        assertThat(read.get(0).detailsJson().get("battery")).contains(JsonValue.Num.of(17));
        assertThat(read.get(0).detailsJson().get("charging")).contains(JsonValue.Bool.TRUE);
    }

    @Test
    void auditEntryDetailsRoundTripAnyJson() {
        Instant now = baseNow();
        FacilityWorld w = FacilityWorld.create(subject(), now);
        UUID resource = UUID.randomUUID();
        AuditEntry entry = TvmTestData.auditEntry(w.facilityId()).resource("mission", resource).at(now)
                .with(b -> b.detailsJson(TvmTestData.richDetails())).build();

        w.run((TvmTransaction tx) -> tx.audit().append(entry));

        List<AuditEntry> read = w.inTransaction((TvmTransaction tx) ->
                tx.audit().byResource("mission", resource, PageRequest.first(10)).items());
        assertThat(read).containsExactly(entry);
        assertSameDocument(read.get(0).detailsJson(), entry.detailsJson());
    }

    /** Equal as documents, and each value keeps its JSON kind (a number is not read back as text). */
    private static void assertSameDocument(JsonObject actual, JsonObject expected) {
        assertThat(actual).isEqualTo(expected);
        expected.members().forEach((k, v) ->
                assertThat(actual.members().get(k)).as("kind of '%s'", k).isInstanceOf(v.getClass()));
        assertThat(actual.get("big")).contains(new JsonValue.Num(new java.math.BigDecimal("123456789012345678901234567890")));
        assertThat(actual.get("ratio")).contains(new JsonValue.Num(new java.math.BigDecimal("0.125")));
    }
}
