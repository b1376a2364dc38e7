package org.tvm.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.tvm.domain.GeoPoint;
import org.tvm.domain.fleet.VehicleHeartbeat;
import org.tvm.domain.fleet.VehicleId;
import org.tvm.domain.fleet.VehicleLocation;
import org.tvm.domain.mission.Mission;
import org.tvm.domain.mission.MissionId;
import org.tvm.domain.mission.MissionPriority;
import org.tvm.domain.mission.MissionRequest;
import org.tvm.domain.mission.MissionTransition;
import org.tvm.domain.mission.Place;
import org.tvm.domain.mission.ProgressStep;
import org.tvm.domain.telemetry.SensorStatus;
import org.tvm.domain.telemetry.TelemetrySample;
import org.tvm.ports.TvmPersistence;
import org.tvm.ports.query.VehicleCandidate;

/** The measured operations, each with its raw-JDBC body and its library body (the same effect). */
final class Operations {

    static final int TELEMETRY_BATCH = 1_000;
    static final int FLEET = 50;
    static final int DISPATCHERS = 4;

    private final Fixture fx;
    private final boolean quick;
    private final List<TelemetrySample> batch;
    private final List<VehicleLocation> locations = new ArrayList<>();
    private final List<String> locationsJson = new ArrayList<>();
    private final AtomicLong clock = new AtomicLong();
    private final java.util.Map<String, Op> aliases = new java.util.HashMap<>();

    Operations(Fixture fx, boolean quick) {
        this.fx = fx;
        this.quick = quick;
        this.batch = telemetryBatch(fx, Instant.now().minusSeconds(1800));
        for (int v = 0; v < FLEET; v++) { // the generator's positions, so heartbeats do not move the fleet
            VehicleLocation l = VehicleLocation.of(52.52 + (v % 20) * 0.0005, 13.405 + (v / 20) * 0.0005, "Zone " + (v % 5));
            locations.add(l);
            locationsJson.add(l.toJson());
        }
    }

    /** Strictly increasing "now": heartbeats are never ignored as out of order, and stay online. */
    Instant now() {
        long micros = Math.max(clock.get() + 1, Instant.now().toEpochMilli() * 1000);
        clock.set(micros);
        return Instant.ofEpochSecond(micros / 1_000_000, (micros % 1_000_000) * 1000);
    }

    private int n(int quickIterations, int fullIterations) {
        return quick ? quickIterations : fullIterations;
    }

    /** The mixed workload's kinds, by short name. */
    Op byName(String kind) {
        Op op = aliases.get(kind);
        if (op == null) {
            throw new IllegalArgumentException("no operation " + kind);
        }
        return op;
    }

    List<Op> micro() {
        List<Op> ops = new ArrayList<>();
        ops.add(new Op("telemetry ingest, 1,000-row batches", Op.Metric.THROUGHPUT, "rows/s", TELEMETRY_BATCH, n(3, 30),
                false, ">= 0.9x, alloc <= 1.5x", null, (side, i) -> {
                    if (side.raw()) {
                        RawPaths.ingest(side.dataSource(), fx.ctx, batch, "telemetry");
                    } else {
                        side.persistence().run(fx.ctx, tx -> tx.telemetry().append(batch));
                    }
                }));
        ops.add(new Op("point read (mission by id)", Op.Metric.LATENCY, "us p50", 1, n(40, 1000), false, "<= 1.15x",
                null, (side, i) -> {
                    MissionId id = fx.completedMissions.get(i % fx.completedMissions.size());
                    Mission m = side.raw() ? RawPaths.findMission(side.dataSource(), fx.ctx, id)
                            : side.persistence().inReadOnlyTransaction(fx.ctx, tx -> tx.missions().findById(id)).orElse(null);
                    check(m != null, "mission not found");
                }));
        ops.add(new Op("request a mission", Op.Metric.THROUGHPUT, "ops/s", 1, n(20, 400), false, ">= 0.9x", null,
                (side, i) -> {
                    MissionTransition t = Mission.request(MissionRequest.builder().facilityId(fx.facility)
                            .residentId(fx.residents.get(i % fx.residents.size())).createdBy(fx.nurse)
                            .pickup(Place.of("Room " + i, GeoPoint.of(52.52, 13.405)))
                            .dropoff(Place.of("Garden", GeoPoint.of(52.525, 13.41))).priority(MissionPriority.NORMAL)
                            .scheduledAt(Instant.now().plusSeconds(86_400 * 365)).build(), Instant.now());
                    if (side.raw()) {
                        RawPaths.insertMission(side.dataSource(), fx.ctx, t);
                    } else {
                        side.persistence().run(fx.ctx, tx -> tx.missions().insert(t));
                    }
                }));
        ops.add(new Op("fleet status (query 2, 100 vehicles)", Op.Metric.LATENCY, "us p50", 1, n(30, 600), false,
                "<= 1.2x", null, (side, i) -> {
                    Instant now = Instant.now();
                    int rows = side.raw() ? RawPaths.fleetStatus(side.dataSource(), fx.ctx, now).size()
                            : side.persistence().inReadOnlyTransaction(fx.ctx, tx -> tx.operations().fleetStatus(now)).size();
                    check(rows == fx.vehicles.size(), "fleet status rows");
                }));
        ops.add(new Op("dispatch cycle, 1 dispatcher", Op.Metric.THROUGHPUT, "assign/s", 1, n(10, 60), false,
                ">= 0.8x", fx::releaseAssignments, (side, i) -> check(dispatch(side) == 1, "nothing dispatched")));
        ops.add(new Op("dispatch cycle, 4 dispatchers", Op.Metric.THROUGHPUT, "assign/s", DISPATCHERS * 6, n(1, 2),
                false, ">= 0.8x, 0 double", fx::releaseAssignments, (side, i) -> dispatchConcurrently(side, 6)));
        ops.add(new Op("heartbeats, 50-vehicle fleet", Op.Metric.LATENCY, "us p50", 1, n(15, 300), false,
                "O(1) statements", null, (side, i) -> heartbeats(side)));
        ops.add(new Op("mission progress step", Op.Metric.LATENCY, "us p50", 1, n(15, 50), false, "-",
                fx::resetProgress, (side, i) -> progress(side, i)));
        ops.add(new Op("dashboard query 1 (active missions, 50)", Op.Metric.LATENCY, "us p50", 1, n(20, 400), false,
                "keep < 1x", null, (side, i) -> {
                    // both sides record the residents shown as read (data-access rows), so the ratio is like for like
                    int rows = side.raw() ? RawPaths.activeMissionsRecordingReads(side.dataSource(), fx.ctx, SPEC[0])
                            : side.persistence().inTransaction(fx.ctx, tx -> tx.operations().activeMissions(50)).size();
                    check(rows == 50, "query 1 rows");
                }));
        ops.add(new Op("dashboard query 3 (recent telemetry)", Op.Metric.LATENCY, "us p50", 1, n(20, 400), false, "-",
                null, (side, i) -> {
                    VehicleId v = fx.vehicles.get(i % fx.vehicles.size());
                    Instant now = Instant.now();
                    int rows = side.raw() ? RawPaths.specQuery(side.dataSource(), fx.ctx, SPEC[2], v.value())
                            : side.persistence().inReadOnlyTransaction(fx.ctx, tx -> tx.operations().recentTelemetry(v, now)).size();
                    check(rows > 0, "query 3 rows");
                }));
        ops.add(new Op("dashboard query 4 (mission timeline)", Op.Metric.LATENCY, "us p50", 1, n(30, 600), false, "-",
                null, (side, i) -> {
                    MissionId id = fx.completedMissions.get(i % fx.completedMissions.size());
                    int rows = side.raw() ? RawPaths.specQuery(side.dataSource(), fx.ctx, SPEC[3], id.value())
                            : side.persistence().inReadOnlyTransaction(fx.ctx, tx -> tx.operations().missionTimeline(id)).size();
                    check(rows == 4, "query 4 rows");
                }));
        ops.add(new Op("schema cost: ingest into an unconstrained copy", Op.Metric.THROUGHPUT, "rows/s", TELEMETRY_BATCH,
                n(3, 30), true, "-", null,
                (side, i) -> RawPaths.ingest(side.dataSource(), fx.ctx, batch, Bench.UNCONSTRAINED_TABLE)));
        String[] kinds = {"telemetry", "point read", "request", "fleet status", null, null, "heartbeats", "progress",
            "query 1", "query 3", "query 4"};
        for (int k = 0; k < kinds.length; k++) {
            if (kinds[k] != null) {
                aliases.put(kinds[k], ops.get(k));
            }
        }
        return ops;
    }

    /** The spec's four queries verbatim, as the application role, at the generated scale: p50/p95 of the raw SQL. */
    List<Op> specAtScale() {
        List<Op> ops = new ArrayList<>();
        String[] names = {"spec query 1 at scale", "spec query 2 at scale", "spec query 3 at scale", "spec query 4 at scale"};
        for (int q = 0; q < 4; q++) {
            int k = q;
            ops.add(new Op(names[q], Op.Metric.LATENCY, "us p50", 1, n(50, 2000), true, "p95 <= 2 ms", null,
                    (side, i) -> RawPaths.specQuery(side.dataSource(), fx.ctx, SPEC[k], specParameter(k, i))));
        }
        return ops;
    }

    /** The spec query's {@code $1} in its {@code i}-th run: a vehicle (query 3), a completed mission (query 4), or none. */
    private UUID specParameter(int query, int i) {
        return query == 2 ? fx.vehicles.get(i % fx.vehicles.size()).value()
                : query == 3 ? fx.completedMissions.get(i % fx.completedMissions.size()).value() : null;
    }

    /**
     * Where one run of each spec query spends its time, from the server ({@code EXPLAIN (ANALYZE, BUFFERS)} of its first
     * parameter, as the application login): the profile behind a missed p95.
     */
    List<String> specProfiles(DataSource app) {
        List<String> profiles = new ArrayList<>();
        for (int q = 0; q < SPEC.length; q++) {
            profiles.add(ServerProfile.explainAnalyze(app, fx.ctx, SPEC[q], specParameter(q, 0)));
        }
        return profiles;
    }

    int dispatch(Side side) {
        Instant now = Instant.now();
        if (side.raw()) {
            return RawPaths.dispatchOne(side.dataSource(), fx.ctx, now);
        }
        return side.persistence().inTransaction(fx.ctx, tx -> {
            List<Mission> claimed = tx.dispatch().claimNextPending(1, now);
            if (claimed.isEmpty()) {
                return 0;
            }
            Mission m = claimed.get(0);
            List<VehicleCandidate> near = tx.dispatch().nearestAvailable(m.pickup().coordinates(), 20, now, 1);
            if (near.isEmpty()) {
                return 0;
            }
            tx.dispatch().assign(m.id(), near.get(0).vehicle().id(), now);
            return 1;
        });
    }

    private void dispatchConcurrently(Side side, int perDispatcher) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(DISPATCHERS);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int d = 0; d < DISPATCHERS; d++) {
                done.add(pool.submit(() -> {
                    int assigned = 0;
                    for (int k = 0; k < perDispatcher; k++) {
                        assigned += retryingConflicts(side);
                    }
                    return assigned;
                }));
            }
            for (Future<Integer> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        check(fx.doubleAssignments() == 0, "a vehicle was assigned twice");
    }

    /**
     * Dispatchers racing for the same nearest vehicle: one wins, the losers' conflicts are expected and they retry. With
     * four racing, a dispatcher losing ten times in a row is common enough to end a full run, hence the generous bound.
     */
    private int retryingConflicts(Side side) {
        RuntimeException last = null;
        for (int attempt = 0; attempt < 200; attempt++) {
            try {
                return dispatch(side);
            } catch (RuntimeException e) {
                last = e;
            }
        }
        throw last;
    }

    private void heartbeats(Side side) {
        Instant at = now();
        List<VehicleId> fleet = fx.vehicles.subList(0, FLEET);
        if (side.raw()) {
            RawPaths.heartbeats(side.dataSource(), fx.ctx, fleet, at, 80, locationsJson);
            return;
        }
        List<VehicleHeartbeat> beats = new ArrayList<>(FLEET);
        for (int v = 0; v < FLEET; v++) {
            beats.add(new VehicleHeartbeat(fleet.get(v), at, 80, locations.get(v)));
        }
        side.persistence().run(fx.ctx, tx -> tx.vehicles().recordHeartbeats(beats));
    }

    private void progress(Side side, int i) {
        List<MissionId> mine = fx.inProgressFor(side.index(), 3);
        MissionId id = mine.get(i % mine.size());
        Instant now = Instant.now();
        if (side.raw()) {
            RawPaths.progress(side.dataSource(), fx.ctx, id, now);
            return;
        }
        TvmPersistence p = side.persistence();
        p.run(fx.ctx, tx -> {
            Mission m = tx.missions().findById(id).orElseThrow();
            tx.missions().apply(m.recordProgress(ProgressStep.next(m.lastProgress()), now, fx.nurse));
        });
    }

    static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("bench self-check failed: " + what);
        }
    }

    static final String[] SPEC = {specQuery(1), specQuery(2), specQuery(3), specQuery(4)};

    /**
     * The spec's SQL as written, the copy tvm-migrations ships and tests verbatim (its {@code $1} as a JDBC parameter,
     * without the trailing semicolon).
     */
    static String specQuery(int n) {
        try (InputStream in = Operations.class.getResourceAsStream("/org/tvm/migrations/spec-queries/query" + n + ".sql")) {
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            return sql.replace("$1", "?").replaceAll(";$", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One sample per vehicle of the fleet, all taken at {@code taken} (one 10 Hz tick of a streaming fleet). */
    static List<TelemetrySample> fleetSamples(Fixture.StreamingFleet fleet, Instant taken) {
        List<TelemetrySample> out = new ArrayList<>(fleet.vehicles().size());
        long tick = taken.toEpochMilli() / 100;
        for (int v = 0; v < fleet.vehicles().size(); v++) {
            out.add(TelemetrySample.builder().facilityId(fleet.ctx().facilityId()).vehicleId(fleet.vehicles().get(v))
                    .timestamp(taken).position(GeoPoint.of(52.52 + v * 1e-5, 13.405 + (tick % 1000) * 1e-6))
                    .heading((tick * 7 + v) % 360 + 0.5).speedMps(1.25).accelerationMps2(0.05).batteryLevel(80 - v % 30)
                    .batteryVoltage(24.15).batteryCurrent(1.5).lidarStatus(SensorStatus.OK).cameraStatus(SensorStatus.OK)
                    .imuStatus(SensorStatus.OK).cpuUsage(35).memoryUsageMb(512).diskUsage(40)
                    .errorCodes(tick % 100 == v % 100 ? List.of("E-LIDAR-7") : List.of()).build());
        }
        return out;
    }

    static List<TelemetrySample> telemetryBatch(Fixture fx, Instant start) {
        List<TelemetrySample> out = new ArrayList<>(TELEMETRY_BATCH);
        for (int i = 0; i < TELEMETRY_BATCH; i++) {
            int v = i % FLEET;
            out.add(TelemetrySample.builder().facilityId(fx.facility).vehicleId(fx.vehicles.get(v))
                    .timestamp(start.plusMillis(100L * (i / FLEET))).position(GeoPoint.of(52.52 + v * 1e-5, 13.405 + i * 1e-7))
                    .heading((i * 7) % 360 + 0.5).speedMps(1.25).accelerationMps2(0.05).batteryLevel(80 - v % 30)
                    .batteryVoltage(24.15).batteryCurrent(1.5).lidarStatus(SensorStatus.OK).cameraStatus(SensorStatus.OK)
                    .imuStatus(SensorStatus.OK).cpuUsage(35).memoryUsageMb(512).diskUsage(40)
                    .errorCodes(i % 100 == 0 ? List.of("E-LIDAR-7") : List.of()).build());
        }
        return List.copyOf(out);
    }
}
