package org.tvm.adapter.mybatis.mapper;

import java.util.List;
import java.util.UUID;
import org.tvm.adapter.mybatis.row.MapRow;

public interface MapMapper {

    int insert(MapRow row);

    MapRow find(UUID facilityId, UUID id);

    /** The highest version of the named map, or null. */
    MapRow latest(UUID facilityId, String name);

    /** Every version of every map of the facility, unordered (the port's order is applied in Java). */
    List<MapRow> list(UUID facilityId);
}
