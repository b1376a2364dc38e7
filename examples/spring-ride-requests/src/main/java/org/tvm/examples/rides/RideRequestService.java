package org.tvm.examples.rides;

import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tvm.domain.mission.Mission;
import org.tvm.domain.mission.MissionId;
import org.tvm.domain.mission.MissionTransition;
import org.tvm.ports.DuplicateKeyException;
import org.tvm.ports.TvmContext;
import org.tvm.ports.TvmPersistence;

/**
 * The application's service: its own JDBC write and the TVM mission in one Spring transaction. The starter's
 * persistence joins the {@code @Transactional} transaction, so both commit or neither does.
 */
@Service
public class RideRequestService {

    private final JdbcTemplate jdbc;
    private final TvmPersistence tvm;

    public RideRequestService(JdbcTemplate jdbc, TvmPersistence tvm) {
        this.jdbc = jdbc;
        this.tvm = tvm;
    }

    // tag::service[]
    @Transactional
    public MissionId request(TvmContext ctx, MissionTransition request, String note) {
        jdbc.update("INSERT INTO ride_app.ride_requests (mission_id, facility_id, note) VALUES (?, ?, ?)",
                request.mission().id().value(), ctx.facilityId().value(), note);
        tvm.inTransaction(ctx, tx -> {
            tx.missions().insert(request); // joins this transaction: committed with the row above, or not at all
            return null;
        });
        return request.mission().id();
    }
    // end::service[]

    /** Like {@link #request}, then fails: the Spring transaction rolls back the row and the mission. */
    @Transactional
    public MissionId requestThenFail(TvmContext ctx, MissionTransition request, String note) {
        request(ctx, request, note);
        throw new IllegalStateException("the caller changed its mind after both writes");
    }

    /**
     * Swallows the TVM failure and returns normally: the transaction is rollback-only, so Spring's commit throws
     * {@code UnexpectedRollbackException} instead of committing the row without the mission.
     */
    @Transactional
    public boolean requestIgnoringDuplicates(TvmContext ctx, MissionTransition request, String note) {
        try {
            request(ctx, request, note);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** The mission as the facility of {@code ctx} sees it (row-level security hides other facilities' missions). */
    @Transactional(readOnly = true)
    public Optional<Mission> mission(TvmContext ctx, MissionId id) {
        return tvm.inReadOnlyTransaction(ctx, tx -> tx.missions().findById(id));
    }

    /** @return how many rows of the application's own table name this mission */
    @Transactional(readOnly = true)
    public int ownRows(MissionId id) {
        Integer n = jdbc.queryForObject("SELECT count(*) FROM ride_app.ride_requests WHERE mission_id = ?", Integer.class,
                id.value());
        return n == null ? 0 : n;
    }
}
