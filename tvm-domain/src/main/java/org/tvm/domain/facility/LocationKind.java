package org.tvm.domain.facility;

import org.tvm.domain.DomainValidationException;

/** What a named place in a facility is, so dispatch can tell rooms from chargers. Carries the lower-case database code. */
public enum LocationKind {
    ROOM("room"),
    ENTRANCE("entrance"),
    CHARGING_STATION("charging_station"),
    BUILDING("building"),
    OUTDOOR("outdoor"),
    OTHER("other");

    private final String code;

    LocationKind(String code) {
        this.code = code;
    }

    /** The database code, e.g. "room". */
    public String code() {
        return code;
    }

    /** @throws DomainValidationException for an unknown or null code */
    public static LocationKind fromCode(String code) {
        for (LocationKind v : values()) {
            if (v.code.equals(code)) {
                return v;
            }
        }
        throw new DomainValidationException("LocationKind", "code", "unknown code '" + code + "'");
    }
}
