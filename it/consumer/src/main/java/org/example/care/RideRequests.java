package org.example.care;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Instant;
import javax.sql.DataSource;
import org.tvm.adapter.jpa.JpaTvmPersistence;
import org.tvm.domain.GeoPoint;
import org.tvm.domain.access.UserId;
import org.tvm.domain.facility.FacilityId;
import org.tvm.domain.mission.Mission;
import org.tvm.domain.mission.MissionId;
import org.tvm.domain.mission.MissionPriority;
import org.tvm.domain.mission.MissionRequest;
import org.tvm.domain.mission.MissionTransition;
import org.tvm.domain.mission.Place;
import org.tvm.domain.resident.ResidentId;
import org.tvm.migrations.TvmMigrations;
import org.tvm.ports.TvmContext;
import org.tvm.ports.TvmPersistence;
import org.tvm.ports.crypto.KeyRing;

/** Wiring the JPA adapter and one unit of work: a nurse requests a ride for a resident. */
public final class RideRequests {

    private RideRequests() {
    }

    /** A HikariCP pool; use one for the admin login and one for the application login. */
    public static HikariDataSource pool(String jdbcUrl, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        return new HikariDataSource(config);
    }

    /**
     * Migrates with the admin pool (PostgreSQL or H2 set, picked from the connection) and creates the adapter on the
     * application pool (on PostgreSQL a login granted tvm_app, never a superuser).
     * In production: keys = KeyRing.fromEnvironment("TVM_FIELD_KEYS").
     */
    public static TvmPersistence wire(DataSource adminDataSource, DataSource appDataSource, KeyRing keys) {
        TvmMigrations.migrate(adminDataSource);
        return JpaTvmPersistence.create(appDataSource, JpaTvmPersistence.Options.defaults().keyRing(keys));
    }

    /** Every unit of work runs in one transaction bound to a facility and an actor; it commits on normal return. */
    public static MissionId requestRide(TvmPersistence persistence, FacilityId facilityId, UserId nurseId,
                                        ResidentId residentId) {
        return persistence.inTransaction(TvmContext.of(facilityId, nurseId), tx -> {
            tx.accessControl().requireCanRequestTransport(nurseId, residentId);   // the access rules
            MissionRequest request = MissionRequest.builder()
                    .id(MissionId.newId()).facilityId(facilityId).residentId(residentId).createdBy(nurseId)
                    .pickup(Place.of("Room 101", GeoPoint.of(52.5200, 13.4050)))
                    .dropoff(Place.of("Physiotherapy", GeoPoint.of(52.5222, 13.4044)))
                    .priority(MissionPriority.NORMAL)
                    .build();
            MissionTransition created = Mission.request(request, Instant.now());  // the domain validates
            tx.missions().insert(created);                                        // + 'created' event, same transaction
            return created.mission().id();
        });
    }
}
