package org.tvm.ports.query;

import java.time.Instant;
import java.util.Objects;
import org.tvm.domain.fleet.Vehicle;

/** Whether a vehicle reported recently (spec 8.1 query 2, {@code connectivity_status}). */
public enum Connectivity {
    /** Last heartbeat strictly younger than {@link Vehicle#ONLINE_WINDOW} (5 minutes) at the evaluation instant. */
    ONLINE("online"),
    /** No heartbeat, or the last one is 5 minutes old or older. */
    OFFLINE("offline");

    private final String code;

    Connectivity(String code) {
        this.code = code;
    }

    /** @return lower-case code as in the spec, {@code "online"} or {@code "offline"} */
    public String code() {
        return code;
    }

    /**
     * The spec rule {@code last_heartbeat > now - interval '5 minutes'}.
     *
     * @param lastHeartbeat nullable last heartbeat (null means never)
     * @param now           non-null evaluation instant
     * @return {@link #ONLINE} iff lastHeartbeat is non-null and strictly after {@code now - 5 minutes}
     */
    public static Connectivity at(Instant lastHeartbeat, Instant now) {
        Objects.requireNonNull(now, "now");
        return lastHeartbeat != null && lastHeartbeat.isAfter(now.minus(Vehicle.ONLINE_WINDOW)) ? ONLINE : OFFLINE;
    }
}
