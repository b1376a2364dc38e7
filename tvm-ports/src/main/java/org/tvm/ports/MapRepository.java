package org.tvm.ports;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.tvm.domain.facility.FacilityMap;
import org.tvm.domain.facility.MapId;
import org.tvm.ports.query.Orderings;

/**
 * The maps of the context facility. Maps are versioned by rows, never edited: publishing a change inserts
 * {@link FacilityMap#nextVersion}; (name, version) is unique within a facility.
 * Obtained from {@link TvmTransaction#maps()}; general rules in the package documentation.
 */
public interface MapRepository {

    /** The order of {@link #list()}: name (code point order), then version descending (a map's newest first). */
    Comparator<FacilityMap> LIST_ORDER = Orderings.<FacilityMap>byText(FacilityMap::name)
            .thenComparing(Comparator.comparingInt(FacilityMap::version).reversed());

    /**
     * Inserts a map version exactly as given.
     *
     * @param map non-null map of the context facility
     * @throws AccessDeniedException if the map belongs to another facility (nothing written)
     * @throws DuplicateKeyException if the id exists, or the facility already has this name and version
     *                               (constraint {@code uq_maps_facility_name_version}; on H2 the name of its
     *                               backing index, which starts with it)
     * @throws IllegalStateException in a read-only transaction
     */
    void insert(FacilityMap map);

    /**
     * @param id non-null map id
     * @return the map version, or empty (absent or of another facility)
     */
    Optional<FacilityMap> findById(MapId id);

    /**
     * @param name non-null exact (case-sensitive) map name
     * @return the highest version of the map with this name, or empty if the facility has none
     */
    Optional<FacilityMap> latest(String name);

    /**
     * @return every version of every map of the facility, ordered by name (code point order), then version descending
     *         ({@link #LIST_ORDER});
     *         empty if none
     */
    List<FacilityMap> list();
}
