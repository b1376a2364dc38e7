package org.tvm.testkit.inmemory;

import static org.tvm.testkit.inmemory.InMemoryAuditTrigger.baseColumns;
import static org.tvm.testkit.inmemory.InMemoryAuditTrigger.text;
import static org.tvm.testkit.inmemory.InMemoryTransaction.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tvm.domain.facility.Facility;
import org.tvm.domain.facility.Location;
import org.tvm.domain.facility.LocationId;
import org.tvm.ports.DuplicateKeyException;
import org.tvm.ports.FacilityRepository;
import org.tvm.ports.NotFoundException;

final class InMemoryFacilities implements FacilityRepository {

    /** Audited: the audit trigger records each row a write changed, as {@link #auditColumns} renders it. */
    static final Tenant.Table<LocationId, Location> LOCATIONS =
            Tenant.Table.audited("locations", InMemoryFacilities::auditColumns);

    private final InMemoryTransaction tx;

    InMemoryFacilities(InMemoryTransaction tx) {
        this.tx = tx;
    }

    @Override
    public Optional<Facility> current() {
        tx.check();
        return Optional.ofNullable(tx.view().facility);
    }

    @Override
    public Facility update(Facility facility) {
        nn(facility, "facility");
        tx.checkWritable("FacilityRepository.update");
        tx.requireContextFacility(facility.id(), "Facility");
        tx.lock("facilities", facility.id().value());
        Facility[] out = new Facility[1];
        tx.write(t -> {
            if (t.facility == null) {
                throw new NotFoundException("Facility", facility.id());
            }
            Facility stored = facility.toBuilder().createdAt(t.facility.createdAt()).build();
            t.facility = stored;
            out[0] = stored;
        });
        return out[0];
    }

    @Override
    public Location insertLocation(Location location) {
        nn(location, "location");
        tx.checkWritable("FacilityRepository.insertLocation");
        tx.requireContextFacility(location.facilityId(), "Location");
        tx.lock("locations", location.id().value());
        tx.write(t -> {
            InMemoryTransaction.requireFacilityRow(t, "Location");
            if (tx.idTaken(t, "locations", location.id().value(), t.rows(LOCATIONS).containsKey(location.id()))) {
                throw new DuplicateKeyException("Location", "locations_pkey");
            }
            for (Location other : t.rows(LOCATIONS).values()) {
                if (other.name().equals(location.name())) {
                    throw new DuplicateKeyException("Location", "uq_locations_facility_name");
                }
            }
            t.put(LOCATIONS, location.id(), location);
            t.insertedIds.add(new Tenant.RowKey("locations", location.id().value()));
        });
        return location;
    }

    @Override
    public List<Location> locations() {
        tx.check();
        List<Location> all = new ArrayList<>(tx.view().rows(LOCATIONS).values());
        all.sort(FacilityRepository.LOCATION_ORDER);
        return Collections.unmodifiableList(all);
    }

    /** The row under the database's column names, as the audit trigger records it. */
    static Map<String, String> auditColumns(LocationId id, Location l, Tenant t) {
        Map<String, String> m = baseColumns(l.id().toString(), t, l.createdAt(), l.updatedAt());
        m.put("name", l.name());
        m.put("kind", l.kind().code());
        m.put("coordinates", text(l.point()));
        m.put("zone", l.zone());
        return m;
    }
}
