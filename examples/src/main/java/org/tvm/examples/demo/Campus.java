package org.tvm.examples.demo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.tvm.domain.GeoPoint;
import org.tvm.domain.facility.LocationKind;

/**
 * The simulated facility's grounds: named places on a small lakeside campus, given as metres east/north of the main
 * entrance and converted to WGS-84 coordinates. Pure geometry, no persistence.
 */
final class Campus {

    /** The main entrance; every place is placed relative to it. */
    static final GeoPoint ORIGIN = GeoPoint.of(47.3569, 8.5521);

    private static final double METRES_PER_DEGREE_LAT = 111_320.0;

    /** A place of the campus. */
    record Place(String name, LocationKind kind, String zone, GeoPoint point) {
    }

    private static final List<Place> PLACES = List.of(
            place("Main Entrance", LocationKind.ENTRANCE, "Main Entrance", 0, 0),
            place("Building A - Room 101", LocationKind.ROOM, "Building A", -80, 60),
            place("Building A - Room 112", LocationKind.ROOM, "Building A", -95, 75),
            place("Building A - Room 204", LocationKind.ROOM, "Building A", -70, 85),
            place("Building B - Room 015", LocationKind.ROOM, "Building B", 90, 70),
            place("Building B - Room 122", LocationKind.ROOM, "Building B", 105, 55),
            place("Building B - Room 230", LocationKind.ROOM, "Building B", 120, 80),
            place("Dining Hall", LocationKind.BUILDING, "Central", 20, 140),
            place("Physiotherapy", LocationKind.BUILDING, "Therapy Wing", 150, -40),
            place("Medical Clinic", LocationKind.BUILDING, "Clinic", -140, -60),
            place("Rose Garden", LocationKind.OUTDOOR, "Garden", 40, -150),
            place("Lake Promenade", LocationKind.OUTDOOR, "Lakeside", -60, -260),
            place("Chapel", LocationKind.BUILDING, "Chapel", 200, 160),
            place("Charging Station North", LocationKind.CHARGING_STATION, "Depot", -20, 190),
            place("Charging Station South", LocationKind.CHARGING_STATION, "Depot", 10, -40));

    private Campus() {
    }

    static List<Place> places() {
        return PLACES;
    }

    static List<Place> rooms() {
        return ofKind(LocationKind.ROOM);
    }

    static List<Place> chargers() {
        return ofKind(LocationKind.CHARGING_STATION);
    }

    /** Where residents are taken during the day (everything that is neither a room nor a charger). */
    static List<Place> destinations() {
        List<Place> result = new ArrayList<>();
        for (Place p : PLACES) {
            if (p.kind() != LocationKind.ROOM && p.kind() != LocationKind.CHARGING_STATION) {
                result.add(p);
            }
        }
        return Collections.unmodifiableList(result);
    }

    private static List<Place> ofKind(LocationKind kind) {
        List<Place> result = new ArrayList<>();
        for (Place p : PLACES) {
            if (p.kind() == kind) {
                result.add(p);
            }
        }
        return Collections.unmodifiableList(result);
    }

    /** The zone of the place nearest to {@code point} (what a robot reports as its zone). */
    static String zoneAt(double latitude, double longitude) {
        Place best = PLACES.get(0);
        double bestDistance = Double.MAX_VALUE;
        for (Place p : PLACES) {
            double d = metres(latitude, longitude, p.point().latitude(), p.point().longitude());
            if (d < bestDistance) {
                bestDistance = d;
                best = p;
            }
        }
        return bestDistance < 60 ? best.zone() : "Paths";
    }

    /** Nearest charger to a position. */
    static Place nearestCharger(double latitude, double longitude) {
        Place best = null;
        double bestDistance = Double.MAX_VALUE;
        for (Place p : chargers()) {
            double d = metres(latitude, longitude, p.point().latitude(), p.point().longitude());
            if (d < bestDistance) {
                bestDistance = d;
                best = p;
            }
        }
        return best;
    }

    /** Equirectangular distance in metres; exact enough on a campus of a few hundred metres. */
    static double metres(double lat1, double lon1, double lat2, double lon2) {
        double dy = (lat2 - lat1) * METRES_PER_DEGREE_LAT;
        double dx = (lon2 - lon1) * METRES_PER_DEGREE_LAT * Math.cos(Math.toRadians((lat1 + lat2) / 2));
        return Math.hypot(dx, dy);
    }

    /** Metres east and north of {@code from} to {@code to}: {dx, dy}. */
    static double[] offset(double lat1, double lon1, double lat2, double lon2) {
        double dy = (lat2 - lat1) * METRES_PER_DEGREE_LAT;
        double dx = (lon2 - lon1) * METRES_PER_DEGREE_LAT * Math.cos(Math.toRadians((lat1 + lat2) / 2));
        return new double[] {dx, dy};
    }

    static double latitudeDelta(double metresNorth) {
        return metresNorth / METRES_PER_DEGREE_LAT;
    }

    static double longitudeDelta(double metresEast, double atLatitude) {
        return metresEast / (METRES_PER_DEGREE_LAT * Math.cos(Math.toRadians(atLatitude)));
    }

    private static Place place(String name, LocationKind kind, String zone, double east, double north) {
        double lat = ORIGIN.latitude() + latitudeDelta(north);
        double lon = ORIGIN.longitude() + longitudeDelta(east, ORIGIN.latitude());
        return new Place(name, kind, zone, GeoPoint.of(lat, lon));
    }
}
