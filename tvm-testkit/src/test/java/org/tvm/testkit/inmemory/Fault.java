package org.tvm.testkit.inmemory;

import java.lang.reflect.Method;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.tvm.domain.access.User;
import org.tvm.domain.audit.AuditEntry;
import org.tvm.domain.audit.ChainBreak;
import org.tvm.domain.audit.ChainVerification;
import org.tvm.domain.facility.FacilityId;
import org.tvm.domain.fleet.Vehicle;
import org.tvm.domain.fleet.VehicleHeartbeat;
import org.tvm.domain.mission.Mission;
import org.tvm.domain.mission.MissionStatus;
import org.tvm.domain.resident.Resident;
import org.tvm.ports.AuditTrail;
import org.tvm.ports.DuplicateKeyException;
import org.tvm.ports.MapRepository;
import org.tvm.ports.TransactionWork;
import org.tvm.ports.TvmContext;
import org.tvm.ports.TvmPersistenceException;
import org.tvm.ports.TvmTransaction;
import org.tvm.ports.VehicleRepository;
import org.tvm.ports.maintenance.MaintenanceReport;
import org.tvm.ports.maintenance.TvmMaintenance;
import org.tvm.ports.query.MissionDayKpis;
import org.tvm.ports.query.Orderings;
import org.tvm.ports.query.Page;
import org.tvm.ports.query.PageRequest;
import org.tvm.testkit.contract.AccessControlContract;
import org.tvm.testkit.contract.AdministrationContract;
import org.tvm.testkit.contract.AuditContract;
import org.tvm.testkit.contract.AuditTrailContract;
import org.tvm.testkit.contract.AutomaticAuditContract;
import org.tvm.testkit.contract.DispatchConcurrencyContract;
import org.tvm.testkit.contract.DispatchContract;
import org.tvm.testkit.contract.ErrorTranslationContract;
import org.tvm.testkit.contract.FacilityContract;
import org.tvm.testkit.contract.FleetHeartbeatContract;
import org.tvm.testkit.contract.HostileInputContract;
import org.tvm.testkit.contract.IsolationContract;
import org.tvm.testkit.contract.JsonDetailsContract;
import org.tvm.testkit.contract.KeysetPaginationContract;
import org.tvm.testkit.contract.KpiContract;
import org.tvm.testkit.contract.MaintenanceContract;
import org.tvm.testkit.contract.MapContract;
import org.tvm.testkit.contract.MissionContract;
import org.tvm.testkit.contract.OperationsQueriesContract;
import org.tvm.testkit.contract.ResidentContract;
import org.tvm.testkit.contract.ResidentRightsContract;
import org.tvm.testkit.contract.SavepointContract;
import org.tvm.testkit.contract.SensitiveFieldsContract;
import org.tvm.testkit.contract.TelemetryContract;
import org.tvm.testkit.contract.TransactionContract;
import org.tvm.testkit.contract.UserContract;
import org.tvm.testkit.contract.VehicleContract;
import org.tvm.testkit.contract.VehicleLogContract;
import org.tvm.testkit.inmemory.FaultInjection.Bends;
import org.tvm.testkit.inmemory.FaultInjection.Call;

/**
 * Deliberate deviations from the port contracts, each with its bend: what {@link FaultInjection} (a decorator of the
 * healthy in-memory adapter, in test scope only: nothing of it ships) does to one call to break the rule. Each fault
 * must make its contract fail, which proves that the contract actually checks the rule ({@link ContractMutationTest}).
 * A new contract's mutant is one value here.
 */
enum Fault {
    /** TransactionContract must fail: the writes of a work that threw are committed anyway. */
    KEEP_WRITES_ON_ROLLBACK(TransactionContract.class, subject -> new Bends() {
        @Override
        public Object transactionRun(Call call) throws Throwable {
            if (!call.name().equals("inTransaction")) {
                return call.proceed();
            }
            // the work's failure is held back until its writes are committed
            @SuppressWarnings("unchecked")
            TransactionWork<Object> work = (TransactionWork<Object>) call.args()[1];
            RuntimeException[] failure = new RuntimeException[1];
            Object result = call.proceedWith(call.args()[0], (TransactionWork<Object>) tx -> {
                try {
                    return work.execute(tx);
                } catch (RuntimeException e) {
                    failure[0] = e;
                    return null;
                }
            });
            if (failure[0] != null) {
                throw failure[0];
            }
            return result;
        }
    }),
    /** IsolationContract must fail: reads by id find rows of other facilities. */
    IGNORE_FACILITY_SCOPE(IsolationContract.class, subject -> new Bends() {
        @Override
        public Object repository(TvmTransaction tx, Call call) throws Throwable {
            Object own = call.proceed();
            if (call.method().getName().equals("findById") && own instanceof Optional<?> o && o.isEmpty()) {
                return elsewhere(subject, tx.context(), call).orElse(o);
            }
            return own;
        }
    }),
    /** FacilityContract must fail: locations() is not ordered by name. */
    LOCATIONS_UNORDERED(FacilityContract.class, onCalls((tx, call) -> reversed(call.proceed()),
            "facilities.locations")),
    /** ResidentContract must fail: default reads return soft-deleted rows. */
    SOFT_DELETED_VISIBLE(ResidentContract.class, onCalls((tx, call) -> FaultInjection.invoke(
            call.method().getDeclaringClass().getMethod("findByIdIncludingDeleted", call.method().getParameterTypes()),
            call.target(), call.args()), "residents.findById")),
    /** VehicleContract must fail: stale updates overwrite. */
    SKIP_VERSION_CHECK(VehicleContract.class, onCalls((tx, call) -> {
        Vehicle v = (Vehicle) call.args()[0];
        long stored = ((VehicleRepository) call.target()).findById(v.id()).map(Vehicle::version).orElse(v.version());
        return call.proceedWith(v.toBuilder().version(stored).build());
    }, "vehicles.update")),
    /** VehicleLogContract must fail: vehicle logs are returned oldest first. */
    VEHICLE_LOGS_OLDEST_FIRST(VehicleLogContract.class, onCalls((tx, call) -> reversed(call.proceed()), "vehicles.logs")),
    /** MissionContract must fail: events are returned newest first. */
    EVENTS_NEWEST_FIRST(MissionContract.class, onCalls((tx, call) -> reversed(call.proceed()), "missions.events")),
    /** DispatchContract must fail: claimNextPending orders by createdAt only. */
    DISPATCH_IGNORES_PRIORITY(DispatchContract.class, onCalls((tx, call) -> {
        List<Mission> all = new ArrayList<>(missions(call.proceedWith(PageRequest.MAX_LIMIT, call.args()[1])));
        all.sort(Comparator.comparing(Mission::createdAt).thenComparing(m -> m.id().value(), Orderings.UUIDS));
        return List.copyOf(all.subList(0, Math.min((Integer) call.args()[0], all.size())));
    }, "dispatch.claimNextPending")),
    /**
     * DispatchConcurrencyContract must fail: claimNextPending also offers missions another dispatcher already assigned
     * (a stale view of the others' work), so a second dispatcher receives the first one's mission.
     */
    CLAIM_OFFERS_ASSIGNED_MISSIONS(DispatchConcurrencyContract.class, onCalls((tx, call) -> {
        // the missions already assigned come first, as if this claim had not seen the others' work
        List<Mission> offered = new ArrayList<>(tx.missions()
                .listByStatus(Set.of(MissionStatus.ASSIGNED), PageRequest.first(PageRequest.MAX_LIMIT)).items());
        offered.addAll(missions(call.proceed()));
        return List.copyOf(offered.subList(0, Math.min((Integer) call.args()[0], offered.size())));
    }, "dispatch.claimNextPending")),
    /** TelemetryContract must fail: range() returns oldest first. */
    TELEMETRY_OLDEST_FIRST(TelemetryContract.class, onCalls((tx, call) -> reversed(call.proceed()), "telemetry.range")),
    /** UserContract must fail: e-mail uniqueness is not enforced. */
    DUPLICATE_EMAIL_ALLOWED(UserContract.class, onCalls((tx, call) -> {
        try {
            return call.proceed();
        } catch (DuplicateKeyException e) {
            if (e.constraint() != null && e.constraint().contains("email")) {
                return call.name().equals("users.update") ? call.args()[0] : null;
            }
            throw e;
        }
    }, "users.insert", "users.update")),
    /** AccessControlContract must fail: revokeRole does nothing. */
    REVOKE_ROLE_IGNORED(AccessControlContract.class, onCalls((tx, call) -> null, "accessControl.revokeRole")),
    /** AuditContract must fail: audit pages are newest first. */
    AUDIT_NEWEST_FIRST(AuditContract.class, onCalls((tx, call) -> {
        Page<?> page = (Page<?>) call.proceed();
        return new Page<>(reversed(page.items()), page.nextToken());
    }, "audit.byResource", "audit.byUser")),
    /** OperationsQueriesContract must fail: a heartbeat exactly 5 minutes old counts as online. */
    ONLINE_BOUNDARY_INCLUSIVE(OperationsQueriesContract.class, onCalls(
            (tx, call) -> call.proceedWith(((Instant) call.args()[0]).minusNanos(1_000)), "operations.fleetStatus")),
    /** SensitiveFieldsContract must fail: the raw stored value is the plaintext. */
    STORE_PLAINTEXT(SensitiveFieldsContract.class, subject -> new Bends() {
        /** Plaintext of the sealed columns as written, by row id. */
        private final Map<UUID, String> plaintext = new ConcurrentHashMap<>();

        @Override
        public Object repository(TvmTransaction tx, Call call) throws Throwable {
            switch (call.name()) {
                case "residents.insert", "residents.update" -> {
                    Resident r = (Resident) call.args()[0];
                    if (r.medicalNotes() != null) {
                        plaintext.put(r.id().value(), r.medicalNotes().reveal());
                    }
                }
                case "users.insert", "users.update" -> {
                    User u = (User) call.args()[0];
                    if (u.mfaSecret() != null) {
                        plaintext.put(u.id().value(), u.mfaSecret().reveal());
                    }
                }
                default -> {
                    // other calls write no sealed column
                }
            }
            return call.proceed();
        }

        @Override
        public Optional<String> rawStoredValue(String table, String column, UUID id, Optional<String> stored) {
            return plaintext.containsKey(id) ? Optional.of(plaintext.get(id)) : stored;
        }
    }),
    /** KeysetPaginationContract must fail: the next page skips its first row. */
    PAGE_TOKEN_SKIPS_ONE(KeysetPaginationContract.class, subject -> new Bends() {
        @Override
        public Object repository(TvmTransaction tx, Call call) throws Throwable {
            Object result = call.proceed();
            Object[] args = call.args();
            if (result instanceof Page<?> page && args.length > 0 && args[args.length - 1] instanceof PageRequest request
                    && !request.isFirst() && !page.items().isEmpty()) {
                return new Page<>(List.copyOf(page.items().subList(1, page.items().size())), page.nextToken());
            }
            return result;
        }
    }),
    /** AdministrationContract must fail: retention drops nothing. */
    RETENTION_DROPS_NOTHING(AdministrationContract.class, subject -> new Bends() {
        @Override
        public Object administration(Call call) throws Throwable {
            return switch (call.name()) {
                case "dropTelemetryPartitionsBefore" -> List.of();
                case "anonymiseResidentsDeletedBefore" -> 0;
                default -> call.proceed();
            };
        }
    }),
    /** FleetHeartbeatContract must fail: recordHeartbeats applies heartbeats older than the stored one. */
    FLEET_HEARTBEATS_IGNORE_ORDER(FleetHeartbeatContract.class, onCalls((tx, call) -> {
        // each heartbeat overwrites the stored state, however old it is
        VehicleRepository vehicles = (VehicleRepository) call.target();
        int applied = 0;
        for (Object o : (List<?>) call.args()[0]) {
            VehicleHeartbeat h = (VehicleHeartbeat) o;
            Vehicle before = vehicles.findById(h.vehicleId()).orElseThrow();
            vehicles.update(before.heartbeat(h.at(), h.batteryLevel(), h.location()));
            applied++;
        }
        return applied;
    }, "vehicles.recordHeartbeats")),
    /** JsonDetailsContract must fail: audit details are stored as their flat text view (numbers become text). */
    DETAILS_STORED_AS_TEXT(JsonDetailsContract.class, onCalls((tx, call) -> {
        AuditEntry e = (AuditEntry) call.args()[0];
        // the flat text view replaces the JSON document: numbers and booleans become strings
        return call.proceedWith(e.toBuilder().details(e.details()).build());
    }, "audit.append")),
    /** MaintenanceContract must fail: a run that finds the maintenance lock taken reports that it succeeded. */
    MAINTENANCE_IGNORES_LOCK(MaintenanceContract.class, subject -> new Bends() {
        @Override
        public TvmMaintenance maintenance(TvmMaintenance healthy) {
            return FaultInjection.decorate(TvmMaintenance.class, healthy, "", call -> {
                Object result = call.proceed();
                if (result instanceof MaintenanceReport r && r.outcome() == MaintenanceReport.Outcome.SKIPPED_LOCKED) {
                    return new MaintenanceReport(r.runId(), MaintenanceReport.Outcome.SUCCEEDED, r.startedAt(),
                            r.finishedAt(), r.steps());
                }
                return result;
            });
        }
    }),
    /** KpiContract must fail: the waiting times (request to pickup) are not reported. */
    KPI_WAIT_DROPPED(KpiContract.class, onCalls((tx, call) -> {
        List<MissionDayKpis> days = new ArrayList<>();
        for (Object o : (List<?>) call.proceed()) {
            MissionDayKpis d = (MissionDayKpis) o;
            days.add(new MissionDayKpis(d.day(), d.requested(), d.byStatus(), d.byPriority(), OptionalDouble.empty(),
                    OptionalDouble.empty(), d.meanTripSeconds(), d.completionRate(), d.cancellationsByReason(),
                    d.failuresByReason()));
        }
        return days;
    }, "kpis.missionDays")),
    /** ErrorTranslationContract must fail: a duplicate e-mail's exception quotes the row in its cause. */
    DUPLICATE_KEY_QUOTES_VALUE(ErrorTranslationContract.class, onCalls((tx, call) -> {
        try {
            return call.proceed();
        } catch (DuplicateKeyException e) {
            User u = (User) call.args()[0];
            // the driver's habit the ports must never pass on: the row's values in the cause
            throw new DuplicateKeyException("User", e.constraint(), new IllegalStateException(
                    "Key (email)=(" + u.email().value() + ") already exists; row " + u.lastName()));
        }
    }, "users.insert", "users.update")),
    /** HostileInputContract must fail: a duplicate resident id ends as a bare TvmPersistenceException. */
    BARE_ERROR_ON_DUPLICATE_RESIDENT(HostileInputContract.class, onCalls((tx, call) -> {
        try {
            return call.proceed();
        } catch (DuplicateKeyException e) {
            throw new TvmPersistenceException("Database error (SQLState 23505)");
        }
    }, "residents.insert")),
    /** MapContract must fail: latest() returns the first version. */
    LATEST_MAP_IS_THE_FIRST(MapContract.class, onCalls((tx, call) -> {
        String mapName = (String) call.args()[0];
        return ((MapRepository) call.target()).list().stream().filter(m -> m.name().equals(mapName))
                .reduce((newer, older) -> older);
    }, "maps.latest")),
    /** SavepointContract must fail: savepoint() runs its work without a savepoint, so a failure inside undoes nothing. */
    SAVEPOINT_UNDOES_NOTHING(SavepointContract.class, subject -> new Bends() {
        @Override
        public Object transaction(Call call) throws Throwable {
            if (!call.name().equals("savepoint")) {
                return call.proceed();
            }
            // the work runs as plain statements of the transaction: nothing is set, so nothing can be undone
            if (call.args()[0] instanceof Supplier<?> work) {
                return work.get();
            }
            ((Runnable) call.args()[0]).run();
            return null;
        }
    }),
    /** AutomaticAuditContract must fail: changes of residents leave no audit entry (the trigger skips an audited table). */
    AUDIT_TRIGGER_SKIPS_RESIDENTS(AutomaticAuditContract.class, onCalls((tx, call) -> {
        Page<?> page = (Page<?>) call.proceed();
        return new Page<>(page.items().stream().filter(e -> !((AuditEntry) e).action().startsWith("resident."))
                .toList(), page.nextToken());
    }, "audit.byResource", "audit.byUser")),
    /** AuditTrailContract must fail: the chain verifier accepts a checkpoint signed with an unknown key. */
    VERIFIER_IGNORES_FORGED_CHECKPOINTS(AuditTrailContract.class, subject -> new Bends() {
        @Override
        public Object administration(Call call) throws Throwable {
            if (!call.name().equals("auditTrail")) {
                return call.proceed();
            }
            return FaultInjection.decorate(AuditTrail.class, call.proceed(), "", c -> {
                Object result = c.proceed();
                if (result instanceof ChainVerification v && v.firstBreak().isPresent()
                        && v.firstBreak().get().reason() == ChainBreak.Reason.FORGED_CHECKPOINT) {
                    return new ChainVerification(v.chain(), v.rowsChecked(), v.auditEntries(), v.checkpointsChecked(),
                            v.lastSeq(), Optional.empty());
                }
                return result;
            });
        }
    }),
    /** ResidentRightsContract must fail: erasure leaves the notes and reasons in the resident's missions. */
    ERASURE_LEAVES_MISSION_TEXT(ResidentRightsContract.class, onCalls((tx, call) -> 0, "missions.eraseResidentText"));

    /** The contract this fault must make fail. */
    final Class<?> contract;
    /** Per subject: a bend may remember what it saw (STORE_PLAINTEXT). */
    private final Function<FaultInjection, Bends> bends;

    Fault(Class<?> contract, Function<FaultInjection, Bends> bends) {
        this.contract = contract;
        this.bends = bends;
    }

    /** The bends of this fault for one decorated subject. */
    Bends bendsFor(FaultInjection subject) {
        return bends.apply(subject);
    }

    /** A bend of one repository call, as {@link Bends#repository} sees it. */
    @FunctionalInterface
    private interface RepositoryBend {
        Object invoke(TvmTransaction tx, Call call) throws Throwable;
    }

    /** Bends the repository calls of these names ("maps.latest"); every other call stays healthy. */
    private static Function<FaultInjection, Bends> onCalls(RepositoryBend bend, String... names) {
        Set<String> bent = Set.of(names);
        return subject -> new Bends() {
            @Override
            public Object repository(TvmTransaction tx, Call call) throws Throwable {
                return bent.contains(call.name()) ? bend.invoke(tx, call) : call.proceed();
            }
        };
    }

    /** The same lookup in every other facility created through the subject, on another thread (one transaction per thread). */
    private static Optional<Object> elsewhere(FaultInjection subject, TvmContext ctx, Call call) {
        String repository = call.name().substring(0, call.name().indexOf('.'));
        for (FacilityId other : subject.facilities()) {
            if (other.equals(ctx.facilityId())) {
                continue;
            }
            Optional<?> found = CompletableFuture.supplyAsync(() -> subject.store().inReadOnlyTransaction(
                    TvmContext.system(other), tx -> {
                        try {
                            Method accessor = TvmTransaction.class.getMethod(repository);
                            return (Optional<?>) FaultInjection.invoke(call.method(), accessor.invoke(tx), call.args());
                        } catch (Throwable e) {
                            return Optional.empty();
                        }
                    })).join();
            if (found.isPresent()) {
                return Optional.of(found);
            }
        }
        return Optional.empty();
    }

    @SuppressWarnings("unchecked")
    private static List<Mission> missions(Object claimed) {
        return (List<Mission>) claimed;
    }

    private static List<Object> reversed(Object list) {
        List<Object> copy = new ArrayList<>((List<?>) list);
        Collections.reverse(copy);
        return List.copyOf(copy);
    }
}
