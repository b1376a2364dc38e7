package org.tvm.testkit.inmemory;

import static org.tvm.testkit.inmemory.InMemoryAuditTrigger.baseColumns;
import static org.tvm.testkit.inmemory.InMemoryTransaction.nn;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.tvm.domain.facility.FacilityMap;
import org.tvm.domain.facility.MapId;
import org.tvm.ports.DuplicateKeyException;
import org.tvm.ports.MapRepository;

final class InMemoryMaps implements MapRepository {

    /** Audited: the audit trigger records each row a write changed, as {@link #auditColumns} renders it. */
    static final Tenant.Table<MapId, FacilityMap> MAPS = Tenant.Table.audited("maps", InMemoryMaps::auditColumns);

    private final InMemoryTransaction tx;

    InMemoryMaps(InMemoryTransaction tx) {
        this.tx = tx;
    }

    @Override
    public void insert(FacilityMap map) {
        nn(map, "map");
        tx.checkWritable("MapRepository.insert");
        tx.requireContextFacility(map.facilityId(), "FacilityMap");
        tx.lock("maps", map.id().value());
        // uq_maps_facility_name_version: concurrent inserts of the same name and version serialise on this key
        tx.lock("maps", UUID.nameUUIDFromBytes((map.facilityId() + "/" + map.name() + "/" + map.version())
                .getBytes(StandardCharsets.UTF_8)));
        tx.write(t -> {
            InMemoryTransaction.requireFacilityRow(t, "FacilityMap");
            if (tx.idTaken(t, "maps", map.id().value(), t.rows(MAPS).containsKey(map.id()))) {
                throw new DuplicateKeyException("FacilityMap", "maps_pkey");
            }
            for (FacilityMap other : t.rows(MAPS).values()) {
                if (other.name().equals(map.name()) && other.version() == map.version()) {
                    throw new DuplicateKeyException("FacilityMap", "uq_maps_facility_name_version");
                }
            }
            t.put(MAPS, map.id(), map);
            t.insertedIds.add(new Tenant.RowKey("maps", map.id().value()));
        });
    }

    @Override
    public Optional<FacilityMap> findById(MapId id) {
        nn(id, "id");
        tx.check();
        return Optional.ofNullable(tx.view().rows(MAPS).get(id));
    }

    @Override
    public Optional<FacilityMap> latest(String name) {
        nn(name, "name");
        tx.check();
        return tx.view().rows(MAPS).values().stream().filter(m -> m.name().equals(name))
                .max(Comparator.comparingInt(FacilityMap::version));
    }

    @Override
    public List<FacilityMap> list() {
        tx.check();
        List<FacilityMap> all = new ArrayList<>(tx.view().rows(MAPS).values());
        all.sort(MapRepository.LIST_ORDER);
        return Collections.unmodifiableList(all);
    }

    /** The row under the database's column names, as the audit trigger records it. */
    static Map<String, String> auditColumns(MapId id, FacilityMap f, Tenant t) {
        Map<String, String> m = baseColumns(f.id().toString(), t, f.createdAt(), f.updatedAt());
        m.put("name", f.name());
        m.put("version", Integer.toString(f.version()));
        m.put("data", f.data().toString());   // withheld: only whether it is there matters
        return m;
    }
}
