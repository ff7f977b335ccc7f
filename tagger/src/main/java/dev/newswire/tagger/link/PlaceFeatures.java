package dev.newswire.tagger.link;

import dev.newswire.tagger.gazetteer.Place;

import java.util.List;

/**
 * The evidence the place resolver weighs for each candidate reading of a place name, as numbers in [0, 1]:
 * what the candidate is (population, feature type, whether only an alternate name matches, the default
 * reading news means), what the article says around it (the countries it names, where the article's other
 * places lie: same country, same first- or second-level division, distance), the "City, State" and
 * "Town, County" patterns, and the page's host. The weights ({@link PlaceWeights}) are learned by
 * {@code geo-train}.
 */
public final class PlaceFeatures {

    /** Feature names, in vector order; the keys of {@code link/place-weights.properties}. */
    public static final List<String> NAMES = List.of(
            "population.log",            // log10(1 + population) / 7
            "type.country",
            "type.adm1",
            "type.adm2",
            "type.capital",              // PPLC
            "type.seat1",                // PPLA: seat of a first-level division
            "type.seat2",                // PPLA2
            "type.section",              // PPLX: a section of a city
            "type.region",               // continents, seas, curated regions
            "name.alternate",            // only an alternate (historical, foreign, short) name matches
            "name.default-reading",      // place-aliases.tsv: the reading news means by default
            "name.most-populous",        // the most populous reading of the name
            "article.names-country",     // the article names the candidate's country (or a people of it)
            "context.country-share",     // share of the article's other places in the candidate's country
            "context.same-admin1",       // another place of the article lies in (or is) its first-level division
            "context.same-admin2",       // ... its second-level division
            "context.near",              // 1 - log10(1 + km to the nearest other place) / 4, at least 0
            "pattern.container-follows", // "Alexandria, La.", "Alexandria, Louisiana", "Pineville, Rapides Parish"
            "pattern.contains-previous", // "Alexandria, Louisiana": Louisiana contains the place before the comma
            "host.country",              // the page's country-code domain is the candidate's country
            "host.generic-us");          // a .com/.org/.net/.edu/.gov page and a candidate in the US

    /** Number of features. */
    public static final int COUNT = NAMES.size();

    static final int POPULATION = 0;
    static final int COUNTRY = 1;
    static final int ADM1 = 2;
    static final int ADM2 = 3;
    static final int CAPITAL = 4;
    static final int SEAT1 = 5;
    static final int SEAT2 = 6;
    static final int SECTION = 7;
    static final int REGION = 8;
    static final int ALTERNATE = 9;
    static final int DEFAULT_READING = 10;
    static final int MOST_POPULOUS = 11;
    static final int NAMES_COUNTRY = 12;
    static final int COUNTRY_SHARE = 13;
    static final int SAME_ADMIN1 = 14;
    static final int SAME_ADMIN2 = 15;
    static final int NEAR = 16;
    static final int CONTAINER_FOLLOWS = 17;
    static final int CONTAINS_PREVIOUS = 18;
    static final int HOST_COUNTRY = 19;
    static final int HOST_GENERIC_US = 20;

    /** Indices of the features that depend on the readings of the article's other places. */
    static final int[] CONTEXT = {COUNTRY_SHARE, SAME_ADMIN1, SAME_ADMIN2, NEAR};

    private PlaceFeatures() {
    }

    /** The features that depend on the candidate alone. */
    static void fillIntrinsic(double[] f, Place p, boolean alternate, boolean preferred, boolean mostPopulous) {
        f[POPULATION] = p.isCountry() ? 0 : Math.min(1, Math.log10(1 + p.population()) / 7);
        String t = p.featureType();
        f[COUNTRY] = p.isCountry() ? 1 : 0;
        f[ADM1] = "ADM1".equals(t) ? 1 : 0;
        f[ADM2] = "ADM2".equals(t) ? 1 : 0;
        f[CAPITAL] = "PPLC".equals(t) ? 1 : 0;
        f[SEAT1] = "PPLA".equals(t) ? 1 : 0;
        f[SEAT2] = "PPLA2".equals(t) ? 1 : 0;
        f[SECTION] = "PPLX".equals(t) ? 1 : 0;
        f[REGION] = !p.isCountry() && !p.isCity() && !t.startsWith("ADM") ? 1 : 0;
        f[ALTERNATE] = alternate ? 1 : 0;
        f[DEFAULT_READING] = preferred ? 1 : 0;
        f[MOST_POPULOUS] = mostPopulous ? 1 : 0;
    }

    /** Closeness in [0, 1] of a distance in kilometres: 1 at 0 km, 0.5 at 100 km, 0 from 10,000 km. */
    static double closeness(double km) {
        return Math.max(0, 1 - Math.log10(1 + km) / 4);
    }
}
