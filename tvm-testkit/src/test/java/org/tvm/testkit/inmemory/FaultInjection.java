package org.tvm.testkit.inmemory;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.tvm.domain.access.User;
import org.tvm.domain.audit.ChainBreak;
import org.tvm.domain.audit.ChainVerification;
import org.tvm.domain.facility.Facility;
import org.tvm.domain.facility.FacilityId;
import org.tvm.domain.fleet.Vehicle;
import org.tvm.domain.mission.Mission;
import org.tvm.domain.mission.MissionStatus;
import org.tvm.domain.resident.Resident;
import org.tvm.ports.Capability;
import org.tvm.ports.DuplicateKeyException;
import org.tvm.ports.TransactionWork;
import org.tvm.ports.TvmAdministration;
import org.tvm.ports.TvmContext;
import org.tvm.ports.TvmPersistence;
import org.tvm.ports.TvmTransaction;
import org.tvm.ports.query.Orderings;
import org.tvm.ports.query.Page;
import org.tvm.ports.query.PageRequest;
import org.tvm.testkit.PersistenceUnderTest;

/**
 * A decorator that makes a healthy in-memory adapter break exactly one port rule ({@link Fault}), from outside: it
 * wraps the ports (dynamic proxies over {@link TvmPersistence}, {@link TvmTransaction}, the repositories and
 * {@link TvmAdministration}) and bends the one call the fault is about. The adapter itself has no fault switches.
 */
final class FaultInjection {

    private final Fault fault;
    private final InMemoryTvmPersistence store;
    private final InMemoryPersistenceUnderTest healthy;
    /** Facilities created through the decorated administration (IGNORE_FACILITY_SCOPE looks into them). */
    private final Set<FacilityId> facilities = ConcurrentHashMap.newKeySet();
    /** Plaintext of the sealed columns as written (STORE_PLAINTEXT reports it as the stored value). */
    private final Map<UUID, String> plaintext = new ConcurrentHashMap<>();

    private FaultInjection(Fault fault) {
        this.fault = fault;
        this.store = InMemoryTvmPersistence.create();
        this.healthy = new InMemoryPersistenceUnderTest(store);
    }

    /**
     * @param fault the rule to break, or null for the decorator that passes every call through unchanged (it must pass
     *              every contract, so a faulty run fails because of its fault, not because of the decoration)
     * @return a contract subject over a new in-memory store that breaks the rule of {@code fault}
     */
    static PersistenceUnderTest subject(Fault fault) {
        FaultInjection f = new FaultInjection(fault);
        TvmPersistence persistence = (TvmPersistence) proxy(TvmPersistence.class, f.store, f::persistence);
        TvmAdministration administration = (TvmAdministration) proxy(TvmAdministration.class, f.store.administration(),
                f::administration);
        return new PersistenceUnderTest() {
            @Override
            public TvmPersistence persistence() {
                return persistence;
            }

            @Override
            public TvmAdministration administration() {
                return administration;
            }

            @Override
            public Set<Capability> capabilities() {
                return f.store.capabilities();
            }

            @Override
            public Optional<String> rawStoredValue(String table, String column, UUID id) {
                if (fault == Fault.STORE_PLAINTEXT && f.plaintext.containsKey(id)) {
                    return Optional.of(f.plaintext.get(id));
                }
                return f.healthy.rawStoredValue(table, column, id);
            }

            @Override
            public long countRowsVisibleToApplication(String table, UUID contextFacilityId) {
                return f.healthy.countRowsVisibleToApplication(table, contextFacilityId);
            }

            @Override
            public boolean observesLockWaits() {
                return f.healthy.observesLockWaits();
            }

            @Override
            public boolean awaitLockWaiters(int count, Duration timeout) {
                return f.healthy.awaitLockWaiters(count, timeout);
            }

            @Override
            public Optional<org.tvm.ports.maintenance.TvmMaintenance> maintenance(java.time.Clock clock) {
                return f.healthy.maintenance(clock).map(m -> fault != Fault.MAINTENANCE_IGNORES_LOCK ? m
                        : (org.tvm.ports.maintenance.TvmMaintenance) proxy(org.tvm.ports.maintenance.TvmMaintenance.class, m,
                                (t, method, a, call) -> {
                                    Object result = call.proceed(a);
                                    if (result instanceof org.tvm.ports.maintenance.MaintenanceReport r
                                            && r.outcome() == org.tvm.ports.maintenance.MaintenanceReport.Outcome.SKIPPED_LOCKED) {
                                        return new org.tvm.ports.maintenance.MaintenanceReport(r.runId(),
                                                org.tvm.ports.maintenance.MaintenanceReport.Outcome.SUCCEEDED, r.startedAt(),
                                                r.finishedAt(), r.steps());
                                    }
                                    return result;
                                }));
            }

            @Override
            public String name() {
                return "in-memory[" + (fault == null ? "decorated, no fault" : fault) + "]";
            }
        };
    }

    /** What a decorated call does instead of the delegate's; {@code call.proceed()} runs the healthy one. */
    @FunctionalInterface
    private interface Bend {
        Object invoke(Object target, Method method, Object[] args, Call call) throws Throwable;
    }

    @FunctionalInterface
    private interface Call {
        Object proceed(Object... args) throws Throwable;
    }

    private static Object proxy(Class<?> type, Object delegate, Bend bend) {
        InvocationHandler h = (p, method, args) -> {
            Object[] actual = args == null ? new Object[0] : args;
            if (method.getDeclaringClass() == Object.class) {
                return method.getName().equals("equals") ? p == actual[0] : invoke(method, delegate, actual);
            }
            return bend.invoke(delegate, method, actual, a -> invoke(method, delegate, a));
        };
        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, h);
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    // ---------------------------------------------------------------------------------------------- entry points

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Object persistence(Object target, Method method, Object[] args, Call call) throws Throwable {
        switch (method.getName()) {
            case "inTransaction", "inReadOnlyTransaction" -> {
                TransactionWork<Object> work = (TransactionWork<Object>) args[1];
                if (fault == Fault.KEEP_WRITES_ON_ROLLBACK && method.getName().equals("inTransaction")) {
                    // the work's failure is held back until its writes are committed
                    RuntimeException[] failure = new RuntimeException[1];
                    Object result = call.proceed(args[0], (TransactionWork<Object>) tx -> {
                        try {
                            return work.execute(transaction(tx));
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
                return call.proceed(args[0], (TransactionWork<Object>) tx -> work.execute(transaction(tx)));
            }
            case "run" -> {
                java.util.function.Consumer<TvmTransaction> work = (java.util.function.Consumer) args[1];
                return persistence(target, TvmPersistence.class.getMethod("inTransaction", TvmContext.class, TransactionWork.class),
                        new Object[] {args[0], (TransactionWork<Object>) tx -> {
                            work.accept(tx);
                            return null;
                        }}, a -> invoke(TvmPersistence.class.getMethod("inTransaction", TvmContext.class,
                                TransactionWork.class), store, a));
            }
            default -> {
                return call.proceed(args);
            }
        }
    }

    private Object administration(Object target, Method method, Object[] args, Call call) throws Throwable {
        if (method.getName().equals("createFacility")) {
            facilities.add(((Facility) args[0]).id());
        }
        if (fault == Fault.VERIFIER_IGNORES_FORGED_CHECKPOINTS && method.getName().equals("auditTrail")) {
            return proxy(org.tvm.ports.AuditTrail.class, call.proceed(args), (t, m, a, c) -> {
                Object result = c.proceed(a);
                if (result instanceof ChainVerification v && v.firstBreak().isPresent()
                        && v.firstBreak().get().reason() == ChainBreak.Reason.FORGED_CHECKPOINT) {
                    return new ChainVerification(v.chain(), v.rowsChecked(), v.auditEntries(), v.checkpointsChecked(),
                            v.lastSeq(), Optional.empty());
                }
                return result;
            });
        }
        if (fault == Fault.RETENTION_DROPS_NOTHING) {
            if (method.getName().equals("dropTelemetryPartitionsBefore")) {
                return List.of();
            }
            if (method.getName().equals("anonymiseResidentsDeletedBefore")) {
                return 0;
            }
        }
        return call.proceed(args);
    }

    private TvmTransaction transaction(TvmTransaction tx) {
        return (TvmTransaction) proxy(TvmTransaction.class, tx, (target, method, args, call) -> {
            if (fault == Fault.SAVEPOINT_UNDOES_NOTHING && method.getName().equals("savepoint")) {
                // the work runs as plain statements of the transaction: nothing is set, so nothing can be undone
                if (args[0] instanceof java.util.function.Supplier<?> work) {
                    return work.get();
                }
                ((Runnable) args[0]).run();
                return null;
            }
            Object result = call.proceed(args);
            Class<?> type = method.getReturnType();
            if (args.length == 0 && type.isInterface() && type.getPackageName().startsWith("org.tvm.ports")) {
                return proxy(type, result, (t, m, a, c) -> repository(tx, method.getName(), t, m, a, c));
            }
            return result;
        });
    }

    // ---------------------------------------------------------------------------------------------- the faults

    private Object repository(TvmTransaction tx, String repo, Object target, Method method, Object[] args, Call call)
            throws Throwable {
        TvmContext ctx = tx.context();
        String name = repo + "." + method.getName();
        if (fault == null) {
            return call.proceed(args);
        }
        switch (fault) {
            case IGNORE_FACILITY_SCOPE -> {
                Object own = call.proceed(args);
                if (method.getName().equals("findById") && own instanceof Optional<?> o && o.isEmpty()) {
                    return elsewhere(ctx, repo, method, args).orElse(o);
                }
                return own;
            }
            case LOCATIONS_UNORDERED -> {
                if (name.equals("facilities.locations")) {
                    return reversed((List<?>) call.proceed(args));
                }
            }
            case SOFT_DELETED_VISIBLE -> {
                if (name.equals("residents.findById")) {
                    return invoke(method.getDeclaringClass().getMethod("findByIdIncludingDeleted", method.getParameterTypes()),
                            target, args);
                }
            }
            case SKIP_VERSION_CHECK -> {
                if (name.equals("vehicles.update")) {
                    Vehicle v = (Vehicle) args[0];
                    long stored = ((org.tvm.ports.VehicleRepository) target).findById(v.id()).map(Vehicle::version)
                            .orElse(v.version());
                    return call.proceed(v.toBuilder().version(stored).build());
                }
            }
            case EVENTS_NEWEST_FIRST -> {
                if (name.equals("missions.events")) {
                    return reversed((List<?>) call.proceed(args));
                }
            }
            case DISPATCH_IGNORES_PRIORITY -> {
                if (name.equals("dispatch.claimNextPending")) {
                    @SuppressWarnings("unchecked")
                    List<Mission> all = new ArrayList<>((List<Mission>) call.proceed(PageRequest.MAX_LIMIT, args[1]));
                    all.sort(Comparator.comparing(Mission::createdAt).thenComparing(m -> m.id().value(), Orderings.UUIDS));
                    return List.copyOf(all.subList(0, Math.min((Integer) args[0], all.size())));
                }
            }
            case CLAIM_OFFERS_ASSIGNED_MISSIONS -> {
                if (name.equals("dispatch.claimNextPending")) {
                    // the missions already assigned come first, as if this claim had not seen the others' work
                    List<Mission> offered = new ArrayList<>(tx.missions()
                            .listByStatus(Set.of(MissionStatus.ASSIGNED), PageRequest.first(PageRequest.MAX_LIMIT)).items());
                    @SuppressWarnings("unchecked")
                    List<Mission> claimed = (List<Mission>) call.proceed(args);
                    offered.addAll(claimed);
                    return List.copyOf(offered.subList(0, Math.min((Integer) args[0], offered.size())));
                }
            }
            case ERASURE_LEAVES_MISSION_TEXT -> {
                if (name.equals("missions.eraseResidentText")) {
                    return 0;   // the resident's notes and reasons stay in their missions
                }
            }
            case VEHICLE_LOGS_OLDEST_FIRST -> {
                if (name.equals("vehicles.logs")) {
                    return reversed((List<?>) call.proceed(args));
                }
            }
            case TELEMETRY_OLDEST_FIRST -> {
                if (name.equals("telemetry.range")) {
                    return reversed((List<?>) call.proceed(args));
                }
            }
            case DUPLICATE_EMAIL_ALLOWED -> {
                if (name.equals("users.insert") || name.equals("users.update")) {
                    try {
                        return call.proceed(args);
                    } catch (DuplicateKeyException e) {
                        if (e.constraint() != null && e.constraint().contains("email")) {
                            return name.equals("users.update") ? args[0] : null;
                        }
                        throw e;
                    }
                }
            }
            case REVOKE_ROLE_IGNORED -> {
                if (name.equals("accessControl.revokeRole")) {
                    return null;
                }
            }
            case AUDIT_NEWEST_FIRST -> {
                if (name.equals("audit.byResource") || name.equals("audit.byUser")) {
                    Page<?> page = (Page<?>) call.proceed(args);
                    return new Page<>(reversed(page.items()), page.nextToken());
                }
            }
            case ONLINE_BOUNDARY_INCLUSIVE -> {
                if (name.equals("operations.fleetStatus")) {
                    return call.proceed(((Instant) args[0]).minusNanos(1_000));
                }
            }
            case STORE_PLAINTEXT -> {
                if (name.equals("residents.insert") || name.equals("residents.update")) {
                    Resident r = (Resident) args[0];
                    if (r.medicalNotes() != null) {
                        plaintext.put(r.id().value(), r.medicalNotes().reveal());
                    }
                } else if (name.equals("users.insert") || name.equals("users.update")) {
                    User u = (User) args[0];
                    if (u.mfaSecret() != null) {
                        plaintext.put(u.id().value(), u.mfaSecret().reveal());
                    }
                }
            }
            case PAGE_TOKEN_SKIPS_ONE -> {
                Object result = call.proceed(args);
                if (result instanceof Page<?> page && args[args.length - 1] instanceof PageRequest request
                        && !request.isFirst() && !page.items().isEmpty()) {
                    return new Page<>(List.copyOf(page.items().subList(1, page.items().size())), page.nextToken());
                }
                return result;
            }
            case DUPLICATE_KEY_QUOTES_VALUE -> {
                if (name.equals("users.insert") || name.equals("users.update")) {
                    try {
                        return call.proceed(args);
                    } catch (DuplicateKeyException e) {
                        User u = (User) args[0];
                        // the driver's habit the ports must never pass on: the row's values in the cause
                        throw new DuplicateKeyException("User", e.constraint(), new IllegalStateException(
                                "Key (email)=(" + u.email().value() + ") already exists; row " + u.lastName()));
                    }
                }
            }
            case BARE_ERROR_ON_DUPLICATE_RESIDENT -> {
                if (name.equals("residents.insert")) {
                    try {
                        return call.proceed(args);
                    } catch (DuplicateKeyException e) {
                        throw new org.tvm.ports.TvmPersistenceException("Database error (SQLState 23505)");
                    }
                }
            }
            case DETAILS_STORED_AS_TEXT -> {
                if (name.equals("audit.append")) {
                    org.tvm.domain.audit.AuditEntry e = (org.tvm.domain.audit.AuditEntry) args[0];
                    // the flat text view replaces the JSON document: numbers and booleans become strings
                    return call.proceed(e.toBuilder().details(e.details()).build());
                }
            }
            case KPI_WAIT_DROPPED -> {
                if (name.equals("kpis.missionDays")) {
                    List<org.tvm.ports.query.MissionDayKpis> days = new ArrayList<>();
                    for (Object o : (List<?>) call.proceed(args)) {
                        org.tvm.ports.query.MissionDayKpis d = (org.tvm.ports.query.MissionDayKpis) o;
                        days.add(new org.tvm.ports.query.MissionDayKpis(d.day(), d.requested(), d.byStatus(), d.byPriority(),
                                java.util.OptionalDouble.empty(), java.util.OptionalDouble.empty(), d.meanTripSeconds(),
                                d.completionRate(), d.cancellationsByReason(), d.failuresByReason()));
                    }
                    return days;
                }
            }
            case FLEET_HEARTBEATS_IGNORE_ORDER -> {
                if (name.equals("vehicles.recordHeartbeats")) {
                    // each heartbeat overwrites the stored state, however old it is
                    org.tvm.ports.VehicleRepository vehicles = (org.tvm.ports.VehicleRepository) target;
                    int applied = 0;
                    for (Object o : (List<?>) args[0]) {
                        org.tvm.domain.fleet.VehicleHeartbeat h = (org.tvm.domain.fleet.VehicleHeartbeat) o;
                        Vehicle before = vehicles.findById(h.vehicleId()).orElseThrow();
                        vehicles.update(before.heartbeat(h.at(), h.batteryLevel(), h.location()));
                        applied++;
                    }
                    return applied;
                }
            }
            case AUDIT_TRIGGER_SKIPS_RESIDENTS -> {
                if (name.equals("audit.byResource") || name.equals("audit.byUser")) {
                    Page<?> page = (Page<?>) call.proceed(args);
                    return new Page<>(page.items().stream().filter(e -> !((org.tvm.domain.audit.AuditEntry) e).action()
                            .startsWith("resident.")).toList(), page.nextToken());
                }
            }
            case LATEST_MAP_IS_THE_FIRST -> {
                if (name.equals("maps.latest")) {
                    String mapName = (String) args[0];
                    return ((org.tvm.ports.MapRepository) target).list().stream()
                            .filter(m -> m.name().equals(mapName)).reduce((newer, older) -> older);
                }
            }
            default -> {
                // KEEP_WRITES_ON_ROLLBACK, RETENTION_DROPS_NOTHING, SAVEPOINT_UNDOES_NOTHING and
                // VERIFIER_IGNORES_FORGED_CHECKPOINTS bend the entry points or the transaction, not a repository
            }
        }
        return call.proceed(args);
    }

    /** The same lookup in every other known facility, on another thread (one transaction per thread). */
    private Optional<Object> elsewhere(TvmContext ctx, String repo, Method method, Object[] args) {
        for (FacilityId other : facilities) {
            if (other.equals(ctx.facilityId())) {
                continue;
            }
            Optional<?> found = CompletableFuture.supplyAsync(() -> store.inReadOnlyTransaction(TvmContext.system(other), tx -> {
                try {
                    Object repository = TvmTransaction.class.getMethod(repo).invoke(tx);
                    return (Optional<?>) invoke(method, repository, args);
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

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return List.copyOf(copy);
    }
}
