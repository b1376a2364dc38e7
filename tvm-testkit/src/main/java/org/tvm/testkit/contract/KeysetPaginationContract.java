package org.tvm.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tvm.testkit.contract.ContractSupport.baseNow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.tvm.domain.access.RoleName;
import org.tvm.domain.access.User;
import org.tvm.domain.mission.Mission;
import org.tvm.domain.mission.MissionStatus;
import org.tvm.domain.mission.MissionTransition;
import org.tvm.domain.resident.Resident;
import org.tvm.ports.TvmTransaction;
import org.tvm.ports.query.Page;
import org.tvm.ports.query.PageRequest;
import org.tvm.testkit.PersistenceUnderTest;
import org.tvm.testkit.data.FacilityWorld;
import org.tvm.testkit.data.TvmTestData;

/**
 * Contract of keyset pagination ({@link PageRequest}/{@link Page}) across the paged port methods (residents, users,
 * missions by status and by resident): walking all pages yields every row exactly once in the documented order; a
 * next token is present exactly when more rows follow; rows inserted while paging never cause duplicates or gaps
 * (rows sorting after the cursor appear, rows before it do not); garbled tokens and tokens of another query are
 * rejected with {@link IllegalArgumentException}. Each page is read in its own transaction.
 *
 * <p>Capabilities: none.
 */
public abstract class KeysetPaginationContract {

    /** @return the persistence under test (shared; every test creates its own facility) */
    protected abstract PersistenceUnderTest subject();

    private <T> List<T> walk(FacilityWorld w, int pageSize, Function<TvmTransaction, Function<PageRequest, Page<T>>> query,
            List<Integer> pageSizes) {
        List<T> all = new ArrayList<>();
        PageRequest request = PageRequest.first(pageSize);
        for (int guard = 0; guard < 1000; guard++) {
            PageRequest current = request;
            Page<T> page = w.inTransaction((TvmTransaction tx) -> query.apply(tx).apply(current));
            all.addAll(page.items());
            pageSizes.add(page.items().size());
            if (page.nextToken().isEmpty()) {
                return all;
            }
            assertThat(page.items()).as("a page with a next token is full").hasSize(pageSize);
            request = PageRequest.after(page.nextToken().get(), pageSize);
        }
        throw new AssertionError("paging did not terminate");
    }

    private List<Resident> residents(FacilityWorld w, Instant now, int count) {
        List<Resident> created = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            created.add(TvmTestData.resident(w.facilityId()).lastName("M" + (char) ('a' + i % 26) + " " + TvmTestData.unique())
                    .firstName(i % 2 == 0 ? "Ann" : "Bob").at(now).build());
        }
        w.run((TvmTransaction tx) -> created.forEach(tx.residents()::insert));
        return created;
    }

    private static List<Resident> sortedResidents(List<Resident> residents) {
        return residents.stream().sorted(Comparator.comparing(Resident::lastName).thenComparing(Resident::firstName)
                .thenComparing(r -> r.id().value().toString())).toList();
    }

    @Test
    void walkingAllResidentPagesReturnsEveryRowOnceInOrder() {
        Instant now = baseNow();
        FacilityWorld w = FacilityWorld.create(subject(), now);
        List<Resident> all = new ArrayList<>(w.residents());
        all.addAll(residents(w, now, 11));
        List<Integer> sizes = new ArrayList<>();

        List<Resident> seen = walk(w, 4, tx -> tx.residents()::list, sizes);

        assertThat(seen).containsExactlyElementsOf(sortedResidents(all));
        assertThat(sizes).containsExactly(4, 4, 4, 2);
    }

    @Test
    void exactlyFullLastPageHasNoNextToken() {
        Instant now = baseNow();
        FacilityWorld w = FacilityWorld.create(subject(), now);
        residents(w, now, 3);
        List<Integer> sizes = new ArrayList<>();

        List<Resident> seen = walk(w, 3, tx -> tx.residents()::list, sizes);

        assertThat(seen).hasSize(6);
        assertThat(sizes).containsExactly(3, 3);
    }

    @Test
    void rowsInsertedWhilePagingCauseNeitherDuplicatesNorGaps() {
        Instant now = baseNow();
        FacilityWorld w = FacilityWorld.create(subject(), now);
        List<Resident> original = new ArrayList<>(w.residents());
        original.addAll(residents(w, now, 9));
        List<Resident> ordered = sortedResidents(original);

        List<Resident> seen = new ArrayList<>();
        Page<Resident> first = w.inTransaction((TvmTransaction tx) -> tx.residents().list(PageRequest.first(5)));
        seen.addAll(first.items());
        Resident before = TvmTestData.resident(w.facilityId()).lastName("A first " + TvmTestData.unique()).at(now).build();
        Resident after = TvmTestData.resident(w.facilityId()).lastName("Z last " + TvmTestData.unique()).at(now).build();
        w.run((TvmTransaction tx) -> {
            tx.residents().insert(before);
            tx.residents().insert(after);
        });
        PageRequest request = first.nextRequest(5).orElseThrow();
        while (request != null) {
            PageRequest current = request;
            Page<Resident> page = w.inTransaction((TvmTransaction tx) -> tx.residents().list(current));
            seen.addAll(page.items());
            request = page.nextRequest(5).orElse(null);
        }

        List<Resident> expected = new ArrayList<>(ordered);
        expected.add(after);
        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(seen).doesNotContain(before).doesNotHaveDuplicates();
    }

    @Test
    void walkingAllUserPagesReturnsEveryUserOnceOrderedByEmail() {
        Instant now = baseNow();
        FacilityWorld w = FacilityWorld.create(subject(), now);
        List<User> extra = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            extra.add(TvmTestData.user(w.facilityId()).at(now).build());
        }
        w.run((TvmTransaction tx) -> extra.forEach(tx.users()::insert));
        List<User> all = new ArrayList<>(w.users().values());
        all.addAll(extra);
        all.sort(Comparator.comparing((User u) -> u.email().value()));

        List<User> seen = walk(w, 5, tx -> tx.users()::list, new ArrayList<>());

        assertThat(seen).containsExactlyElementsOf(all);
    }

    @Test
    void walkingMissionPagesIsNewestFirstWithoutDuplicatesWhileNewMissionsArrive() {
        Instant now = baseNow();
        FacilityWorld w = FacilityWorld.create(subject(), now);
        List<Mission> missions = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            MissionTransition created = TvmTestData.mission(w.facilityId(), w.residentId(i % 2), w.userId(RoleName.NURSE))
                    .at(now.minusSeconds(100 - i)).build();
            missions.add(created.mission());
            w.run((TvmTransaction tx) -> tx.missions().insert(created));
        }
        List<Mission> newestFirst = new ArrayList<>(missions);
        java.util.Collections.reverse(newestFirst);
        Set<MissionStatus> statuses = EnumSet.of(MissionStatus.PENDING);

        Page<Mission> first = w.inTransaction((TvmTransaction tx) -> tx.missions().listByStatus(statuses, PageRequest.first(3)));
        MissionTransition newer = TvmTestData.mission(w.facilityId(), w.residentId(0), w.userId(RoleName.NURSE)).at(now).build();
        w.run((TvmTransaction tx) -> tx.missions().insert(newer));
        List<Mission> seen = new ArrayList<>(first.items());
        PageRequest request = first.nextRequest(3).orElseThrow();
        while (request != null) {
            PageRequest current = request;
            Page<Mission> page = w.inTransaction((TvmTransaction tx) -> tx.missions().listByStatus(statuses, current));
            seen.addAll(page.items());
            request = page.nextRequest(3).orElse(null);
        }

        assertThat(seen).containsExactlyElementsOf(newestFirst);
        assertThat(walk(w, 2, tx -> p -> tx.missions().listByResident(w.residentId(1), p), new ArrayList<>()))
                .containsExactlyElementsOf(newestFirst.stream().filter(m -> m.residentId().equals(w.residentId(1))).toList());
    }

    @Test
    void garbledTokensAreRejected() {
        Instant now = baseNow();
        FacilityWorld w = FacilityWorld.create(subject(), now);
        String token = w.inTransaction((TvmTransaction tx) -> tx.residents().list(PageRequest.first(1))).nextToken().orElseThrow();
        String garbled = (token.charAt(token.length() / 2) == 'A' ? "B" : "A");
        String tampered = token.substring(0, token.length() / 2) + garbled + token.substring(token.length() / 2 + 1);

        assertThatThrownBy(() -> w.inTransaction((TvmTransaction tx) -> tx.residents().list(PageRequest.after(tampered, 1))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> w.inTransaction((TvmTransaction tx) -> tx.residents().list(PageRequest.after("not-a-token", 1))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> w.inTransaction((TvmTransaction tx) -> tx.users().list(PageRequest.after("%%%", 1))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tokenOfAnotherQueryIsRejected() {
        Instant now = baseNow();
        FacilityWorld w = FacilityWorld.create(subject(), now);
        String residentsToken = w.inTransaction((TvmTransaction tx) -> tx.residents().list(PageRequest.first(1)))
                .nextToken().orElseThrow();

        assertThatThrownBy(() -> w.inTransaction((TvmTransaction tx) -> tx.users().list(PageRequest.after(residentsToken, 5))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pageSizeOfOneStillVisitsEveryRow() {
        Instant now = baseNow();
        FacilityWorld w = FacilityWorld.create(subject(), now);
        List<Integer> sizes = new ArrayList<>();

        List<Resident> seen = walk(w, 1, tx -> tx.residents()::list, sizes);

        assertThat(seen).containsExactlyElementsOf(sortedResidents(w.residents()));
        assertThat(sizes).containsExactly(1, 1, 1);
    }
}
