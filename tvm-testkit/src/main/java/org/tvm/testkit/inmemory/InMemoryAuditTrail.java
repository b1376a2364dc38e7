package org.tvm.testkit.inmemory;

import static org.tvm.testkit.inmemory.InMemoryTransaction.nn;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.tvm.domain.audit.AuditChain;
import org.tvm.domain.audit.AuditChainKey;
import org.tvm.domain.audit.AuditEntry;
import org.tvm.domain.audit.ChainCheckpoint;
import org.tvm.domain.audit.ChainHead;
import org.tvm.domain.audit.ChainLink;
import org.tvm.domain.audit.ChainVerification;
import org.tvm.domain.audit.ChainVerifier;
import org.tvm.domain.audit.DataAccessEntry;
import org.tvm.domain.facility.FacilityId;
import org.tvm.migrations.AuditTexts;
import org.tvm.ports.AuditChainBrokenException;
import org.tvm.ports.AuditTrail;
import org.tvm.testkit.inmemory.Tenant.AuditRow;
import org.tvm.testkit.inmemory.Tenant.DataAccessRow;

/**
 * {@link AuditTrail} of the in-memory store: the same chain (domain {@link AuditChain}) over the tenants' rows, the
 * system chain and the checkpoints kept by the store ({@link State}).
 */
final class InMemoryAuditTrail implements AuditTrail {

    /** Store-wide chain state that has no tenant: the system chain and every chain's checkpoints. Guarded by itself. */
    static final class State {
        private final List<AuditRow> system = new ArrayList<>();
        private long systemSeq;
        private String systemHash = AuditChain.GENESIS;
        private final Map<UUID, List<ChainCheckpoint>> checkpoints = new HashMap<>();

        synchronized void appendSystem(AuditEntry entry, long rowId) {
            long s = ++systemSeq;
            String h = AuditChain.rowHash(AuditChain.SYSTEM_CHAIN, s, AuditChain.KIND_AUDIT, rowId, fields(entry),
                    systemHash);
            system.add(new AuditRow(entry, rowId, s, systemHash, h));
            systemHash = h;
        }
    }

    private final InMemoryTvmPersistence store;
    private final AuditChainKey current;
    private final Map<String, AuditChainKey> keys = new LinkedHashMap<>();

    InMemoryAuditTrail(InMemoryTvmPersistence store, AuditChainKey current, AuditChainKey... retired) {
        this.store = store;
        this.current = nn(current, "current");
        for (AuditChainKey k : retired) {
            keys.put(nn(k, "retired key").keyId(), k);
        }
        keys.put(current.keyId(), current);
    }

    /** The content fields of an audit entry, as {@link AuditChain} defines them. */
    static List<String> fields(AuditEntry e) {
        return Arrays.asList(id(e.facilityId()), e.userId() == null ? null : e.userId().toString(), e.userEmail(),
                e.action(), e.resourceType(), e.resourceId() == null ? null : e.resourceId().toString(),
                e.details().isEmpty() ? null : AuditTexts.json(e.details()), AuditChain.micros(e.timestamp()),
                e.ipAddress(), e.userAgent(), e.success() ? "true" : "false", e.failureReason());
    }

    /** The content fields of a data-access entry, as {@link AuditChain} defines them. */
    static List<String> fields(DataAccessEntry e) {
        return Arrays.asList(id(e.facilityId()), e.userId() == null ? null : e.userId().toString(),
                e.residentId().toString(), e.accessType().code(), AuditChain.micros(e.accessedAt()));
    }

    private static String id(FacilityId f) {
        return f == null ? null : f.toString();
    }

    @Override
    public ChainVerification verify(UUID chain) {
        nn(chain, "chain");
        State state = store.chainState();
        List<ChainLink> links = new ArrayList<>();
        ChainHead head;
        synchronized (state) {
            if (AuditChain.SYSTEM_CHAIN.equals(chain)) {
                for (AuditRow r : state.system) {
                    links.add(link(chain, r));
                }
                head = state.systemSeq == 0 ? null : new ChainHead(state.systemSeq, state.systemHash);
                return ChainVerifier.verify(chain, links.iterator(), checkpoints(state, chain), head, keys);
            }
        }
        Tenant t = store.snapshot().tenants().get(new FacilityId(chain));
        if (t != null) {
            for (AuditRow r : t.audit) {
                links.add(link(chain, r));
            }
            for (DataAccessRow r : t.dataAccess) {
                links.add(new ChainLink(chain, r.chainSeq(), AuditChain.KIND_ACCESS, r.seq(), fields(r.entry()),
                        r.prevHash(), r.rowHash()));
            }
        }
        links.sort(Comparator.comparing(ChainLink::seq).thenComparing(ChainLink::kind));
        head = t == null || t.chainSeq == 0 ? null : new ChainHead(t.chainSeq, t.chainHash);
        synchronized (state) {
            return ChainVerifier.verify(chain, links.iterator(), checkpoints(state, chain), head, keys);
        }
    }

    private static ChainLink link(UUID chain, AuditRow r) {
        return new ChainLink(chain, r.chainSeq(), AuditChain.KIND_AUDIT, r.seq(), fields(r.entry()), r.prevHash(),
                r.rowHash());
    }

    private static List<ChainCheckpoint> checkpoints(State state, UUID chain) {
        return List.copyOf(state.checkpoints.getOrDefault(chain, List.of()));
    }

    @Override
    public Optional<ChainCheckpoint> seal(UUID chain, Instant at) {
        nn(chain, "chain");
        nn(at, "at");
        ChainVerification v = verify(chain);
        if (!v.intact()) {
            throw new AuditChainBrokenException(v);
        }
        if (v.lastSeq() == null) {
            return Optional.empty();
        }
        State state = store.chainState();
        synchronized (state) {
            List<ChainCheckpoint> cps = state.checkpoints.computeIfAbsent(chain, k -> new ArrayList<>());
            for (ChainCheckpoint cp : cps) {
                if (cp.seq() == v.lastSeq()) {
                    return Optional.of(cp);
                }
            }
            String hash = lastHash(chain, v.lastSeq());
            ChainCheckpoint cp = ChainCheckpoint.sign(current, chain, v.lastSeq(), hash, at);
            if (!cps.isEmpty() && !cps.get(cps.size() - 1).keyId().equals(current.keyId())) {
                state.appendSystem(AuditEntry.builder().action("audit.key_rotation").resourceType("audit_chain")
                        .resourceId(chain).details(Map.of("from_key", cps.get(cps.size() - 1).keyId(),
                                "to_key", current.keyId())).timestamp(at).build(), store.nextSeq());
            }
            cps.add(cp);
            cps.sort(Comparator.comparingLong(ChainCheckpoint::seq));
            return Optional.of(cp);
        }
    }

    private String lastHash(UUID chain, long seq) {
        State state = store.chainState();
        if (AuditChain.SYSTEM_CHAIN.equals(chain)) {
            return state.system.get((int) seq - 1).rowHash();
        }
        Tenant t = store.snapshot().tenants().get(new FacilityId(chain));
        for (AuditRow r : t.audit) {
            if (r.chainSeq() == seq) {
                return r.rowHash();
            }
        }
        for (DataAccessRow r : t.dataAccess) {
            if (r.chainSeq() == seq) {
                return r.rowHash();
            }
        }
        throw new IllegalStateException("no row at seq " + seq);
    }

    @Override
    public void recordSystemEvent(AuditEntry entry) {
        nn(entry, "entry");
        if (entry.facilityId() != null) {
            throw new IllegalArgumentException("AuditEntry.facilityId: a system event has no facility");
        }
        store.chainState().appendSystem(entry, store.nextSeq());
    }
}
