package org.tvm.adapter.jpa.repository;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.tvm.adapter.jpa.entity.FacilityEntity;
import org.tvm.adapter.jpa.entity.LocationEntity;
import org.tvm.domain.facility.Facility;
import org.tvm.domain.facility.Location;
import org.tvm.ports.FacilityRepository;
import org.tvm.ports.NotFoundException;

/** {@link FacilityRepository} over {@code facilities} and {@code locations}. */
final class JpaFacilityRepository implements FacilityRepository {

    private final JpaTransaction tx;

    JpaFacilityRepository(JpaTransaction tx) {
        this.tx = tx;
    }

    @Override
    public Optional<Facility> current() {
        return tx.read("Facility", this::load);
    }

    private Optional<Facility> load() {
        return tx.session().createSelectionQuery("from FacilityEntity f where f.id = :f", FacilityEntity.class)
                .setParameter("f", tx.facility()).setReadOnly(true).uniqueResultOptional().map(tx.mapper()::toDomain);
    }

    @Override
    public Facility update(Facility facility) {
        Objects.requireNonNull(facility, "facility");
        tx.checkWritable("FacilityRepository.update");
        tx.requireContextFacility(facility.id(), "Facility");
        return tx.write("Facility", () -> {
            int rows = tx.session().createMutationQuery("update FacilityEntity f set f.name = :name, f.address = :address, "
                            + "f.timezone = :tz, f.updatedAt = :updated where f.id = :f")
                    .setParameter("name", facility.name()).setParameter("address", facility.address())
                    .setParameter("tz", facility.timezone().getId()).setParameter("updated", facility.updatedAt())
                    .setParameter("f", tx.facility()).executeUpdate();
            if (rows == 0) {
                throw new NotFoundException("Facility", facility.id());
            }
            return load().orElseThrow(() -> new NotFoundException("Facility", facility.id()));
        });
    }

    @Override
    public Location insertLocation(Location location) {
        Objects.requireNonNull(location, "location");
        tx.checkWritable("FacilityRepository.insertLocation");
        tx.requireContextFacility(location.facilityId(), "Location");
        return tx.write("Location", () -> {
            tx.session().persist(tx.mapper().toEntity(location));
            return location;
        });
    }

    @Override
    public List<Location> locations() {
        return tx.read("Location", () -> tx.session()
                .createSelectionQuery("from LocationEntity l where l.facilityId = :f", LocationEntity.class)
                .setParameter("f", tx.facility()).setReadOnly(true).getResultList().stream()
                .map(tx.mapper()::toDomain)
                .sorted(FacilityRepository.LOCATION_ORDER)
                .toList());
    }
}
