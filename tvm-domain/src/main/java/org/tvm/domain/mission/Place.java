package org.tvm.domain.mission;

import org.tvm.domain.DomainChecks;
import org.tvm.domain.GeoPoint;

/** A pickup or drop-off point: the label staff read ("Room 101") and optional coordinates for routing. */
public record Place(String label, GeoPoint coordinates) {

    public Place {
        DomainChecks.text("Place", "label", label, "missions.pickup_location");
    }

    public static Place of(String label) {
        return new Place(label, null);
    }

    public static Place of(String label, GeoPoint coordinates) {
        return new Place(label, coordinates);
    }
}
