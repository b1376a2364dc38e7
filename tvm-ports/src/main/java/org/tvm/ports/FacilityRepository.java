package org.tvm.ports;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.tvm.domain.facility.Facility;
import org.tvm.domain.facility.Location;
import org.tvm.ports.query.Orderings;

/**
 * The context facility and its locations. Facilities are created through {@link TvmAdministration#createFacility}.
 * Obtained from {@link TvmTransaction#facilities()}; general rules (nulls, scoping, errors) in the package documentation.
 */
public interface FacilityRepository {

    /** The order of {@link #locations()}: name (code point order), then id. */
    Comparator<Location> LOCATION_ORDER = Orderings.<Location>byText(Location::name)
            .thenComparing(Orderings.byUuid(l -> l.id().value()));

    /**
     * @return the context facility, or empty if no facility with {@code ctx.facilityId()} exists
     */
    Optional<Facility> current();

    /**
     * Updates name, address and timezone of the context facility; id and createdAt are never changed.
     *
     * @param facility non-null facility; its id must be the context facility id
     * @return the facility as stored after the update (updatedAt may be set by the database; use the returned instance)
     * @throws AccessDeniedException if {@code facility.id()} is not the context facility (nothing written)
     * @throws NotFoundException     if the context facility does not exist
     * @throws IllegalStateException in a read-only transaction
     */
    Facility update(Facility facility);

    /**
     * Inserts a location of the context facility as given.
     *
     * @param location non-null location; {@code location.facilityId()} must be the context facility
     * @return the location as stored
     * @throws AccessDeniedException if the location belongs to another facility (nothing written)
     * @throws DuplicateKeyException if the id (or another unique key of the schema) already exists
     * @throws IllegalStateException in a read-only transaction
     */
    Location insertLocation(Location location);

    /**
     * @return all locations of the context facility ordered by name, then id
     *         ({@link #LOCATION_ORDER}); empty if none
     */
    List<Location> locations();
}
