package org.tvm.adapter.mybatis;

import java.util.List;
import java.util.UUID;

interface FacilityMapper {

    int insertFacility(FacilityRow row);

    FacilityRow findFacility(UUID id);

    int updateFacility(FacilityRow row);

    int insertLocation(LocationRow row);

    LocationRow findLocation(UUID facilityId, UUID id);

    List<LocationRow> locations(UUID facilityId);
}
