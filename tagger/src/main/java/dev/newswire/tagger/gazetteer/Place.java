package dev.newswire.tagger.gazetteer;

/**
 * A place the linker can resolve a LOCATION mention to.
 *
 * @param id          stable id: "geonames:1835848" for GeoNames places, "iso3166:KP" for countries,
 *                    "admin:US.LA.079" for an administrative division the open tables give no GeoNames id
 *                    (its GeoNames admin code), null for curated regions without a verified id
 * @param name        canonical name
 * @param countryCode ISO 3166-1 alpha-2 code of the country it lies in (its own code for a country), or null
 * @param featureType GeoNames feature code ("PPLC" capital, "PPLA" admin seat, "PCLI" country, "ADM1", "RGN", ...)
 * @param population  people living there, 0 when unknown
 * @param lat         latitude, NaN when unknown
 * @param lon         longitude, NaN when unknown
 * @param featureClass GeoNames feature class: "P" populated place, "A" country or division, "L" area or
 *                    region, "H" water, "T" relief, "S" spot or building
 * @param admin1      GeoNames first-level admin code within the country ("LA" for Louisiana), or null
 * @param admin2      GeoNames second-level admin code within admin1 ("079" for Rapides Parish), or null
 */
public record Place(String id, String name, String countryCode, String featureType, long population,
                    double lat, double lon, String featureClass, String admin1, String admin2) {

    /** A place without administrative codes; its feature class follows from the feature code. */
    public Place(String id, String name, String countryCode, String featureType, long population, double lat, double lon) {
        this(id, name, countryCode, featureType, population, lat, lon, classOf(featureType), null, null);
    }

    /** True for a sovereign country (or a dependent territory with its own ISO code). */
    public boolean isCountry() {
        return "PCLI".equals(featureType);
    }

    /** True for a populated place: city, town, capital. */
    public boolean isCity() {
        return featureType.startsWith("PPL");
    }

    /** True when the position is known. */
    public boolean hasPosition() {
        return !Double.isNaN(lat) && !Double.isNaN(lon);
    }

    /** The same place under another display name. */
    public Place withName(String newName) {
        return new Place(id, newName, countryCode, featureType, population, lat, lon, featureClass, admin1, admin2);
    }

    /** The same place at another position. */
    public Place withPosition(double newLat, double newLon) {
        return new Place(id, name, countryCode, featureType, population, newLat, newLon, featureClass, admin1, admin2);
    }

    /** GeoNames feature class of a feature code: "PPL…" → P, "PCLI"/"ADM…" → A, seas and gulfs → H, else L. */
    public static String classOf(String featureType) {
        if (featureType == null) {
            return "L";
        }
        if (featureType.startsWith("PPL")) {
            return "P";
        }
        if (featureType.startsWith("PCL") || featureType.startsWith("ADM")) {
            return "A";
        }
        return switch (featureType) {
            case "SEA", "OCN", "GULF", "STRT", "BAY", "LK", "STM" -> "H";
            case "PEN", "MT", "MTS" -> "T";
            default -> "L";
        };
    }

    /** Great-circle distance in kilometres between two positions. */
    public static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 6371.0 * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
    }
}
