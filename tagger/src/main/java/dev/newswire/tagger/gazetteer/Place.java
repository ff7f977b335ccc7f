package dev.newswire.tagger.gazetteer;

/**
 * A place the linker can resolve a LOCATION mention to.
 *
 * @param id          stable id: "geonames:1835848" for GeoNames places, "iso3166:KP" for countries, null for
 *                    curated regions without a verified id
 * @param name        canonical name
 * @param countryCode ISO 3166-1 alpha-2 code of the country it lies in (its own code for a country), or null
 * @param featureType GeoNames feature code ("PPLC" capital, "PPLA" admin seat, "PCLI" country, "ADM1", "RGN", ...)
 * @param population  people living there, 0 when unknown
 * @param lat         latitude, NaN when unknown
 * @param lon         longitude, NaN when unknown
 */
public record Place(String id, String name, String countryCode, String featureType, long population,
                    double lat, double lon) {

    /** True for a sovereign country (or a dependent territory with its own ISO code). */
    public boolean isCountry() {
        return "PCLI".equals(featureType);
    }

    /** True for a populated place: city, town, capital. */
    public boolean isCity() {
        return featureType.startsWith("PPL");
    }
}
