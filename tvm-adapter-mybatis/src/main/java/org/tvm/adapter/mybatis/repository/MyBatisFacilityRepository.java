package org.tvm.adapter.mybatis.repository;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import org.tvm.adapter.mybatis.mapper.FacilityMapper;
import org.tvm.adapter.mybatis.mapping.RowMapper;
import org.tvm.domain.facility.Facility;
import org.tvm.domain.facility.Location;
import org.tvm.ports.AccessDeniedException;
import org.tvm.ports.FacilityRepository;
import org.tvm.ports.NotFoundException;

final class MyBatisFacilityRepository implements FacilityRepository {

    private final MyBatisTransaction tx;
    private final FacilityMapper mapper;

    MyBatisFacilityRepository(MyBatisTransaction tx) {
        this.tx = tx;
        this.mapper = tx.mapper(FacilityMapper.class);
    }

    @Override
    public Optional<Facility> current() {
        return tx.read("Facility", () -> Optional.ofNullable(mapper.findFacility(tx.facility()))
                .map(RowMapper::facility));
    }

    @Override
    public Facility update(Facility facility) {
        requireNonNull(facility, "facility");
        tx.checkWritable("FacilityRepository.update");
        if (!facility.id().value().equals(tx.facility())) {
            throw AccessDeniedException.otherFacility("Facility");
        }
        return tx.write("Facility", "FacilityRepository.update", () -> {
            if (mapper.updateFacility(RowMapper.row(facility)) == 0) {
                throw new NotFoundException("Facility", facility.id());
            }
            return RowMapper.facility(mapper.findFacility(tx.facility()));
        });
    }

    @Override
    public Location insertLocation(Location location) {
        requireNonNull(location, "location");
        tx.checkWritable("FacilityRepository.insertLocation");
        tx.requireContextFacility(location.facilityId(), "Location");
        return tx.write("Location", "FacilityRepository.insertLocation", () -> {
            mapper.insertLocation(RowMapper.row(location));
            return RowMapper.location(mapper.findLocation(tx.facility(), location.id().value()));
        });
    }

    @Override
    public List<Location> locations() {
        return tx.read("Location", () -> mapper.locations(tx.facility()).stream().map(RowMapper::location).toList());
    }
}
