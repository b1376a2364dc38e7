package org.tvm.adapter.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
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
import org.tvm.ports.AuditChainBrokenException;
import org.tvm.ports.AuditTrail;
import org.tvm.ports.TvmPersistenceException;

/**
 * {@link AuditTrail} on plain JDBC for both SQL adapters: streams a chain's rows from {@code audit_logs} and
 * {@code data_access_logs} (merged by seq) into the domain's {@link ChainVerifier}, and stores signed checkpoints.
 * On PostgreSQL both first move the entries waiting in {@code audit_logs_pending} into their chains. The
 * content fields are read back as the database stores them and canonicalised by {@link AuditChain}, independently of
 * the trigger that wrote the hashes.
 */
public final class JdbcAuditTrail implements AuditTrail {

    /** Work on the connection of one administrative transaction. */
    @FunctionalInterface
    public interface ConnectionWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * The adapter's administrative transaction (admin role assumed, commit on return, roll back and translate on
     * failure), lent to this class so it adds no second transaction loop.
     */
    @FunctionalInterface
    public interface AdminTransactions {
        <T> T run(ConnectionWork<T> work);
    }

    private static final int FETCH = 1000;

    private final AdminTransactions transactions;
    private final AuditChainKey current;
    private final Map<String, AuditChainKey> keys = new LinkedHashMap<>();
    private final boolean postgres;

    /**
     * @param postgres true on PostgreSQL, false on H2
     */
    public JdbcAuditTrail(AdminTransactions transactions, boolean postgres, AuditChainKey current,
                          AuditChainKey... retired) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.postgres = postgres;
        this.current = Objects.requireNonNull(current, "current");
        for (AuditChainKey k : retired) {
            keys.put(Objects.requireNonNull(k, "retired key").keyId(), k);
        }
        keys.put(current.keyId(), current);
    }

    @Override
    public ChainVerification verify(UUID chain) {
        Objects.requireNonNull(chain, "chain");
        return transactions.run(c -> {
            linkWaitingEntries(c, postgres); // first, so it covers every committed entry
            return verify(c, chain);
        });
    }

    /**
     * PostgreSQL: moves the audit entries the triggers left waiting ({@code audit_logs_pending}, migration V22) into
     * their chains, on the given connection (its transaction; the admin role). H2 links entries when written. The one
     * implementation of {@link org.tvm.ports.TvmAdministration#linkWaitingAuditEntries} for both adapters.
     *
     * @return how many entries were linked
     */
    public static long linkWaitingEntries(Connection c, boolean postgres) throws SQLException {
        if (!postgres) {
            return 0;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT tvm_audit_drain()"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public Optional<ChainCheckpoint> seal(UUID chain, Instant at) {
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(at, "at");
        return transactions.run(c -> {
            linkWaitingEntries(c, postgres); // first, so it covers every committed entry
            // the head row lock keeps writers from extending the chain between verifying and signing
            ChainHead head = head(c, chain, true);
            ChainVerification v = verify(c, chain);
            if (!v.intact()) {
                throw new AuditChainBrokenException(v);
            }
            if (head == null || head.lastSeq() == 0) {
                return Optional.<ChainCheckpoint>empty();
            }
            List<ChainCheckpoint> existing = checkpoints(c, chain);
            for (ChainCheckpoint cp : existing) {
                if (cp.seq() == head.lastSeq()) {
                    return Optional.of(cp);
                }
            }
            ChainCheckpoint cp = ChainCheckpoint.sign(current, chain, head.lastSeq(), head.lastHash(), at);
            if (!existing.isEmpty() && !existing.get(existing.size() - 1).keyId().equals(current.keyId())) {
                insertSystemEvent(c, keyRotation(chain, existing.get(existing.size() - 1).keyId(), at));
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_chain_checkpoints "
                    + "(chain_id, seq, row_hash, key_id, mac, signed_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setObject(1, chain);
                ps.setLong(2, cp.seq());
                ps.setString(3, cp.rowHash());
                ps.setString(4, cp.keyId());
                ps.setString(5, cp.mac());
                ps.setObject(6, OffsetDateTime.ofInstant(cp.signedAt(), java.time.ZoneOffset.UTC));
                ps.executeUpdate();
            }
            return Optional.of(cp);
        });
    }

    @Override
    public void recordSystemEvent(AuditEntry entry) {
        Objects.requireNonNull(entry, "entry");
        if (entry.facilityId() != null) {
            throw new IllegalArgumentException("AuditEntry.facilityId: a system event has no facility");
        }
        transactions.run(c -> {
            insertSystemEvent(c, entry);
            return null;
        });
    }

    /** The system event a seal with a new key writes: which chain, from which key id to which. */
    private AuditEntry keyRotation(UUID chain, String previousKeyId, Instant at) {
        return AuditEntry.builder().action("audit.key_rotation").resourceType("audit_chain").resourceId(chain)
                .details(Map.of("from_key", previousKeyId, "to_key", current.keyId())).timestamp(at).build();
    }

    private void insertSystemEvent(Connection c, AuditEntry entry) throws SQLException {
        {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_logs (facility_id, user_id, user_email, "
                    + "action, resource_type, resource_id, details, timestamp, ip_address, user_agent, success, "
                    + "failure_reason) VALUES (NULL, ?, ?, ?, ?, ?, " + (postgres ? "CAST(? AS jsonb)" : "? FORMAT JSON")
                    + ", ?, " + (postgres ? "CAST(? AS inet)" : "?") + ", ?, ?, ?)")) {
                ps.setObject(1, entry.userId() == null ? null : entry.userId().value());
                ps.setString(2, entry.userEmail());
                ps.setString(3, entry.action());
                ps.setString(4, entry.resourceType());
                ps.setObject(5, entry.resourceId());
                ps.setString(6, entry.details().isEmpty() ? null : org.tvm.migrations.AuditTexts.json(entry.details()));
                ps.setObject(7, OffsetDateTime.ofInstant(entry.timestamp(), java.time.ZoneOffset.UTC));
                ps.setString(8, entry.ipAddress());
                ps.setString(9, entry.userAgent());
                ps.setBoolean(10, entry.success());
                ps.setString(11, entry.failureReason());
                ps.executeUpdate();
            }
        }
    }

    // ------------------------------------------------------------------ reading a chain

    private ChainVerification verify(Connection c, UUID chain) throws SQLException {
        // Head first, then only rows up to it: a row at or below the head's seq committed before the head did (the head
        // lock serialises writers), so writers committing meanwhile cannot make the walk look truncated.
        ChainHead head = head(c, chain, false);
        List<ChainCheckpoint> checkpoints = checkpoints(c, chain);
        long upTo = head == null ? Long.MAX_VALUE : head.lastSeq();
        boolean system = AuditChain.SYSTEM_CHAIN.equals(chain);
        try (PreparedStatement audit = auditQuery(c, chain, system, upTo); ResultSet a = audit.executeQuery()) {
            Iterator<ChainLink> rows = new Cursor(chain, a, AuditChain.KIND_AUDIT);
            if (system) {
                return ChainVerifier.verify(chain, rows, checkpoints, head, keys);
            }
            try (PreparedStatement access = accessQuery(c, chain, upTo); ResultSet d = access.executeQuery()) {
                return ChainVerifier.verify(chain, new Merge(rows, new Cursor(chain, d, AuditChain.KIND_ACCESS)),
                        checkpoints, head, keys);
            }
        }
    }

    private PreparedStatement auditQuery(Connection c, UUID chain, boolean system, long upTo) throws SQLException {
        PreparedStatement ps = c.prepareStatement("SELECT id, chain_seq, prev_hash, row_hash, facility_id, user_id, "
                + "user_email, action, resource_type, resource_id, " + (postgres ? "details::text" : "details")
                + ", timestamp, " + (postgres ? "host(ip_address)" : "ip_address") + ", user_agent, success, "
                + "failure_reason FROM audit_logs WHERE " + (system ? "facility_id IS NULL" : "facility_id = ?")
                + " AND (chain_seq IS NULL OR chain_seq <= ?) ORDER BY chain_seq NULLS FIRST, id");
        ps.setFetchSize(FETCH);
        int i = 1;
        if (!system) {
            ps.setObject(i++, chain);
        }
        ps.setLong(i, upTo);
        return ps;
    }

    private static PreparedStatement accessQuery(Connection c, UUID chain, long upTo) throws SQLException {
        PreparedStatement ps = c.prepareStatement("SELECT id, chain_seq, prev_hash, row_hash, facility_id, user_id, "
                + "resident_id, access_type, accessed_at FROM data_access_logs WHERE facility_id = ? "
                + "AND (chain_seq IS NULL OR chain_seq <= ?) ORDER BY chain_seq NULLS FIRST, id");
        ps.setFetchSize(FETCH);
        ps.setObject(1, chain);
        ps.setLong(2, upTo);
        return ps;
    }

    /** The chain's rows in order, read on the given connection (package-private: tests re-hash with it). */
    List<ChainLink> links(Connection c, UUID chain) throws SQLException {
        List<ChainLink> out = new ArrayList<>();
        boolean system = AuditChain.SYSTEM_CHAIN.equals(chain);
        try (PreparedStatement audit = auditQuery(c, chain, system, Long.MAX_VALUE); ResultSet a = audit.executeQuery()) {
            Iterator<ChainLink> it = new Cursor(chain, a, AuditChain.KIND_AUDIT);
            if (!system) {
                try (PreparedStatement access = accessQuery(c, chain, Long.MAX_VALUE); ResultSet d = access.executeQuery()) {
                    it = new Merge(it, new Cursor(chain, d, AuditChain.KIND_ACCESS));
                    it.forEachRemaining(out::add);
                    return out;
                }
            }
            it.forEachRemaining(out::add);
        }
        return out;
    }

    private static ChainHead head(Connection c, UUID chain, boolean lock) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT last_seq, last_hash FROM audit_chain_heads WHERE chain_id = ?"
                + (lock ? " FOR UPDATE" : ""))) {
            ps.setObject(1, chain);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new ChainHead(rs.getLong(1), rs.getString(2)) : null;
            }
        }
    }

    private static List<ChainCheckpoint> checkpoints(Connection c, UUID chain) throws SQLException {
        List<ChainCheckpoint> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, row_hash, key_id, mac, signed_at "
                + "FROM audit_chain_checkpoints WHERE chain_id = ? ORDER BY seq")) {
            ps.setObject(1, chain);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ChainCheckpoint(chain, rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getObject(5, OffsetDateTime.class).toInstant()));
                }
            }
        }
        return out;
    }

    /** One table's rows as chain links, read lazily. */
    private static final class Cursor implements Iterator<ChainLink> {
        private final UUID chain;
        private final ResultSet rs;
        private final String kind;
        private ChainLink next;
        private boolean done;

        Cursor(UUID chain, ResultSet rs, String kind) {
            this.chain = chain;
            this.rs = rs;
            this.kind = kind;
        }

        @Override
        public boolean hasNext() {
            if (next == null && !done) {
                try {
                    if (rs.next()) {
                        next = read();
                    } else {
                        done = true;
                    }
                } catch (SQLException e) {
                    throw failure("read the audit chain", e);
                }
            }
            return next != null;
        }

        @Override
        public ChainLink next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            ChainLink n = next;
            next = null;
            return n;
        }

        private ChainLink read() throws SQLException {
            long id = rs.getLong(1);
            long seq = rs.getLong(2);
            Long chainSeq = rs.wasNull() ? null : seq;
            List<String> fields = new ArrayList<>();
            fields.add(uuid(rs.getObject(5)));
            fields.add(uuid(rs.getObject(6)));
            if (kind.equals(AuditChain.KIND_ACCESS)) {
                fields.add(uuid(rs.getObject(7)));
                fields.add(rs.getString(8));
                fields.add(micros(rs, 9));
            } else {
                fields.add(rs.getString(7));
                fields.add(rs.getString(8));
                fields.add(rs.getString(9));
                fields.add(uuid(rs.getObject(10)));
                fields.add(json(rs.getObject(11)));
                fields.add(micros(rs, 12));
                fields.add(rs.getString(13));
                fields.add(rs.getString(14));
                fields.add(rs.getBoolean(15) ? "true" : "false");
                fields.add(rs.getString(16));
            }
            return new ChainLink(chain, chainSeq, kind, id, fields, rs.getString(3), rs.getString(4));
        }

        private static String uuid(Object v) {
            return v == null ? null : v.toString();
        }

        private static String json(Object v) {
            if (v == null) {
                return null;
            }
            return v instanceof byte[] b ? new String(b, java.nio.charset.StandardCharsets.UTF_8) : v.toString();
        }

        private static String micros(ResultSet rs, int col) throws SQLException {
            OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
            return t == null ? null : AuditChain.micros(t.toInstant());
        }
    }

    /** Two seq-ordered cursors as one (unchained rows first, then seq, then kind, then id). */
    private static final class Merge implements Iterator<ChainLink> {
        private final Iterator<ChainLink> a;
        private final Iterator<ChainLink> b;
        private ChainLink ha;
        private ChainLink hb;

        Merge(Iterator<ChainLink> a, Iterator<ChainLink> b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public boolean hasNext() {
            if (ha == null && a.hasNext()) {
                ha = a.next();
            }
            if (hb == null && b.hasNext()) {
                hb = b.next();
            }
            return ha != null || hb != null;
        }

        @Override
        public ChainLink next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            ChainLink out;
            if (hb == null || (ha != null && order(ha, hb) <= 0)) {
                out = ha;
                ha = null;
            } else {
                out = hb;
                hb = null;
            }
            return out;
        }

        private static int order(ChainLink x, ChainLink y) {
            if (x.seq() == null || y.seq() == null) {
                return x.seq() == null ? (y.seq() == null ? x.kind().compareTo(y.kind()) : -1) : 1;
            }
            int c = Long.compare(x.seq(), y.seq());
            return c != 0 ? c : x.kind().compareTo(y.kind());
        }
    }

    private static TvmPersistenceException failure(String what, SQLException e) {
        // the SQLState only: driver messages may quote row values
        return new TvmPersistenceException("Audit trail: cannot " + what + " (SQLState " + e.getSQLState() + ")");
    }
}
