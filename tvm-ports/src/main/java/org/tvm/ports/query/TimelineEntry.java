package org.tvm.ports.query;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.tvm.domain.mission.MissionEventType;

/**
 * One event of a mission timeline (spec 8.1 query 4).
 *
 * @param type             non-null event type
 * @param details          non-null, unmodifiable copy preserving the given iteration order; no null keys or values;
 *                         possibly empty. Key order after a database round trip is unspecified ({@code jsonb} reorders
 *                         keys); compare as maps
 * @param at               non-null time the event occurred ({@code mission_events.created_at})
 * @param triggeredByEmail nullable e-mail of the user who triggered the event (null for system events; kept for
 *                         soft-deleted users)
 */
public record TimelineEntry(MissionEventType type, Map<String, String> details, Instant at, String triggeredByEmail) {

    /**
     * @throws NullPointerException if type, details, a details key or value, or at is null
     */
    public TimelineEntry {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(details, "details");
        Map<String, String> copy = new LinkedHashMap<>();
        details.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "details key"), Objects.requireNonNull(v, "details value")));
        details = Collections.unmodifiableMap(copy);
    }
}
