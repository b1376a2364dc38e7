package org.tvm.adapter.mybatis.mapper;

import java.util.List;
import java.util.UUID;
import org.tvm.adapter.mybatis.row.FacilityRow;
import org.tvm.adapter.mybatis.row.LocationRow;

public interface FacilityMapper {

    int insertFacility(FacilityRow row);

    FacilityRow findFacility(UUID id);

    int updateFacility(FacilityRow row);

    int insertLocation(LocationRow row);

    LocationRow findLocation(UUID facilityId, UUID id);

    List<LocationRow> locations(UUID facilityId);
}
