package org.tvm.adapter.jpa.repository;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.tvm.adapter.jpa.entity.MapEntity;
import org.tvm.domain.facility.FacilityMap;
import org.tvm.domain.facility.MapId;
import org.tvm.ports.MapRepository;

/** {@link MapRepository}: map versions are inserted, never updated; the newest version is the highest. */
final class JpaMapRepository implements MapRepository {

    private static final String E = "FacilityMap";

    private final JpaTransaction tx;

    JpaMapRepository(JpaTransaction tx) {
        this.tx = tx;
    }

    @Override
    public void insert(FacilityMap map) {
        Objects.requireNonNull(map, "map");
        tx.checkWritable("MapRepository.insert");
        tx.requireContextFacility(map.facilityId(), E);
        tx.writeVoid(E, () -> tx.session().persist(MapEntity.of(map)));
    }

    @Override
    public Optional<FacilityMap> findById(MapId id) {
        Objects.requireNonNull(id, "id");
        return tx.read(E, () -> tx.session().createSelectionQuery("from MapEntity m where m.id = :id and m.facilityId = :f",
                        MapEntity.class)
                .setParameter("id", id.value()).setParameter("f", tx.facility()).setReadOnly(true)
                .uniqueResultOptional().map(MapEntity::toDomain));
    }

    @Override
    public Optional<FacilityMap> latest(String name) {
        Objects.requireNonNull(name, "name");
        return tx.read(E, () -> tx.session().createSelectionQuery("from MapEntity m where m.facilityId = :f "
                        + "and m.name = :name order by m.version desc", MapEntity.class)
                .setParameter("f", tx.facility()).setParameter("name", name).setMaxResults(1).setReadOnly(true)
                .uniqueResultOptional().map(MapEntity::toDomain));
    }

    @Override
    public List<FacilityMap> list() {
        return tx.read(E, () -> tx.session().createSelectionQuery("from MapEntity m where m.facilityId = :f",
                        MapEntity.class)
                .setParameter("f", tx.facility()).setReadOnly(true).getResultList().stream().map(MapEntity::toDomain)
                .sorted(MapRepository.LIST_ORDER)
                .toList());
    }
}
