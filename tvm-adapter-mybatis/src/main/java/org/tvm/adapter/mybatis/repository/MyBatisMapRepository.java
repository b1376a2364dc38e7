package org.tvm.adapter.mybatis.repository;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import org.tvm.adapter.mybatis.mapper.MapMapper;
import org.tvm.adapter.mybatis.row.MapRow;
import org.tvm.domain.facility.FacilityMap;
import org.tvm.domain.facility.MapId;
import org.tvm.ports.MapRepository;

/** {@link MapRepository}: map versions are inserted, never updated; the newest version is the highest. */
final class MyBatisMapRepository implements MapRepository {

    private static final String E = "FacilityMap";
    private final MyBatisTransaction tx;
    private final MapMapper mapper;

    MyBatisMapRepository(MyBatisTransaction tx) {
        this.tx = tx;
        this.mapper = tx.mapper(MapMapper.class);
    }

    @Override
    public void insert(FacilityMap map) {
        requireNonNull(map, "map");
        tx.checkWritable("MapRepository.insert");
        tx.requireContextFacility(map.facilityId(), E);
        tx.write(E, "MapRepository.insert", () -> {
            mapper.insert(MapRow.of(map));
        });
    }

    @Override
    public Optional<FacilityMap> findById(MapId id) {
        requireNonNull(id, "id");
        return tx.read(E, () -> Optional.ofNullable(mapper.find(tx.facility(), id.value())).map(MapRow::toDomain));
    }

    @Override
    public Optional<FacilityMap> latest(String name) {
        requireNonNull(name, "name");
        return tx.read(E, () -> Optional.ofNullable(mapper.latest(tx.facility(), name)).map(MapRow::toDomain));
    }

    @Override
    public List<FacilityMap> list() {
        return tx.read(E, () -> mapper.list(tx.facility()).stream().map(MapRow::toDomain)
                .sorted(MapRepository.LIST_ORDER)
                .toList());
    }
}
