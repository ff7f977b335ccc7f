package dev.newswire.tagger.gazetteer;

import dev.newswire.tagger.EntityType;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Places, countries, demonyms and known people/organisations, loaded from the tables under
 * {@code /dev/newswire/tagger/gazetteer/} (built by {@code tagger/scripts/build-gazetteer.sh} from GeoNames and
 * MIT country lists, plus small hand-curated files). All lookups take a name as written and match it
 * case-insensitively and without diacritics. Immutable after loading, so safe to share between threads.
 */
public final class Gazetteer {

    private static final String BASE = "/dev/newswire/tagger/gazetteer/";
    private static final Pattern BAR = Pattern.compile("\\|");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private final Map<String, List<Place>> placesByName = new HashMap<>();
    private final Map<String, Place> placesById = new HashMap<>();
    private final java.util.Set<String> aliasTargets = new java.util.HashSet<>();
    private final Map<String, Place> preferredReading = new HashMap<>();
    private final Map<String, Country> countriesByName = new HashMap<>();
    private final Map<String, Country> countriesByDemonym = new HashMap<>();
    private final Map<String, Country> countriesByIso = new LinkedHashMap<>();
    private final Map<String, KnownEntity> knownByName = new HashMap<>();
    private final Map<String, String> regionAbbreviations = new HashMap<>();
    private final Map<String, Long> countryGeonamesIds = new HashMap<>();
    private final java.util.Set<String> ordinaryRegionNames = new java.util.HashSet<>();
    private PlaceTable table = PlaceTable.empty();

    private Gazetteer() {
    }

    /** Loads all tables from the classpath. */
    public static Gazetteer load() {
        java.util.concurrent.CompletableFuture<PlaceTable> table =
                java.util.concurrent.CompletableFuture.supplyAsync(PlaceTable::loadShipped);
        Gazetteer g = new Gazetteer();
        g.readPlaceAliasIds();
        g.loadCities();
        g.loadCountries();
        g.loadRegions();
        g.loadPlaceAliases();
        g.loadKnownEntities();
        g.loadRegionAbbreviations();
        g.table = table.join();
        return g;
    }

    /** The linking table: every populated place of 500+ people and every division, by name and alternate name. */
    public PlaceTable table() {
        return table;
    }

    /**
     * The first-level division an abbreviation stands for after a comma ("Alexandria, La.", "Austin, TX"), as
     * "CC.A1" (GeoNames admin code), or null.
     */
    public String regionByAbbreviation(String abbreviation) {
        return regionAbbreviations.get(abbreviation.endsWith(".") || abbreviation.length() > 2
                ? key(abbreviation) : abbreviation);
    }

    private void loadRegionAbbreviations() {
        readTsv("region-abbreviations.tsv", f -> {
            for (String a : split(field(f, 1))) {
                // postal codes are matched as written ("LA", never "la"); AP forms by key ("La." → "la")
                regionAbbreviations.put(a.length() == 2 && Character.isUpperCase(a.charAt(1)) ? a : key(a), f[0]);
            }
        });
    }

    /** Lookup key: lower case, no diacritics, no periods, single spaces ("U.S." → "us"). */
    public static String key(String name) {
        if (isPlainAscii(name)) {
            return name.toLowerCase(java.util.Locale.ROOT); // the common case, kept cheap for start-up
        }
        String s = name;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 127) {
                s = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
                break;
            }
        }
        StringBuilder b = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '.') {
                continue;
            }
            if (c == '\u2019') {
                c = '\'';
            }
            if (Character.isWhitespace(c) || c == '-') {
                space = b.length() > 0;
                continue;
            }
            if (space) {
                b.append(' ');
                space = false;
            }
            b.append(Character.toLowerCase(c));
        }
        return b.toString();
    }

    /** ASCII letters, digits and single inner spaces only: nothing for {@link #key} to fold. */
    private static boolean isPlainAscii(String name) {
        int n = name.length();
        if (n == 0 || name.charAt(0) == ' ' || name.charAt(n - 1) == ' ') {
            return n == 0;
        }
        for (int i = 0; i < n; i++) {
            char c = name.charAt(i);
            boolean ok = c < 128 && (Character.isLetterOrDigit(c) || c == '\'' || c == ',' || c == '(' || c == ')'
                    || c == ' ' && name.charAt(i - 1) != ' ');
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Every place (country, region, city) with this name, most populous first. */
    public List<Place> places(String name) {
        return placesByName.getOrDefault(key(name), List.of());
    }

    /** The reading of an ambiguous name news means by default ("Washington" → Washington, D.C.), or null. */
    public Place preferredReading(String name) {
        return preferredReading.get(key(name));
    }

    /** The country with this name or alias, or null. */
    public Country countryByName(String name) {
        return countriesByName.get(key(name));
    }

    /** The country this demonym ("North Korean", "Russians") refers to, or null. */
    public Country countryByDemonym(String demonym) {
        return countriesByDemonym.get(key(demonym));
    }

    /**
     * True for a division name that reads as an ordinary word or given name ("Central", "Michael", see
     * admin-regions.tsv.gz): never a place on its own.
     */
    public boolean isOrdinaryRegionName(String name) {
        return ordinaryRegionNames.contains(key(name));
    }

    /** The GeoNames id of the country with this ISO 3166-1 alpha-2 code, or null. */
    public Long countryGeonamesId(String iso2) {
        return countryGeonamesIds.get(iso2);
    }

    /** The country with this ISO 3166-1 alpha-2 code, or null. */
    public Country countryByIso(String iso2) {
        return countriesByIso.get(iso2);
    }

    /** A person or organisation with a verified id known by this name or alias, or null. */
    public KnownEntity known(String name) {
        return knownByName.get(key(name));
    }

    /** True if the name is a place, country, or demonym in these tables. */
    public boolean isPlaceName(String name) {
        String k = key(name);
        return placesByName.containsKey(k);
    }

    private void loadCities() {
        readTsv("cities.tsv.gz", f -> {
            // geonamesId name country featureCode admin1 population lat lon
            // country and feature codes repeat 50,000 times: keep one copy of each
            Place p = new Place("geonames:" + f[0], f[1], f[2].intern(), f[3].intern(), Long.parseLong(f[5]),
                    Double.parseDouble(f[6]), Double.parseDouble(f[7]));
            addPlace(p.name(), p);
            if (aliasTargets.contains(p.id())) {
                placesById.put(p.id(), p);
            }
        });
    }

    /** Which GeoNames ids the alias table points at: only those need finding by id. */
    private void readPlaceAliasIds() {
        readTsv("place-aliases.tsv", f -> aliasTargets.add("geonames:" + f[1]));
    }

    private void loadCountries() {
        Map<String, String[]> overrides = new HashMap<>();
        readTsv("country-overrides.tsv", f -> overrides.put(f[0], f));
        readTsv("countries.tsv.gz", f -> {
            // iso2 name aliases demonym capital
            String iso = f[0];
            String[] o = overrides.get(iso);
            List<String> names = new ArrayList<>();
            names.add(o != null ? o[1] : f[1]);
            names.add(f[1]);
            names.addAll(split(field(f, 2)));
            List<String> demonyms = new ArrayList<>();
            if (o != null) {
                names.addAll(split(field(o, 2)));
                demonyms.addAll(split(field(o, 3)));
            }
            String demonym = field(f, 3);
            if (!demonym.isEmpty() && !demonym.contains(",") && !demonym.contains("(")) {
                demonyms.add(demonym);
                if (!demonym.endsWith("s") && !demonym.endsWith("ese") && !demonym.endsWith("ch")
                        && !demonym.endsWith("sh")) {
                    demonyms.add(demonym + "s");
                }
            }
            List<String> distinctNames = names.stream().filter(s -> !s.isEmpty()).distinct().toList();
            List<String> distinctDemonyms = demonyms.stream().filter(s -> !s.isEmpty()).distinct().toList();
            double lat = field(f, 5).isEmpty() ? Double.NaN : Double.parseDouble(field(f, 5));
            double lon = field(f, 6).isEmpty() ? Double.NaN : Double.parseDouble(field(f, 6));
            Place place = new Place("iso3166:" + iso, distinctNames.get(0), iso, "PCLI", 0, lat, lon);
            if (!field(f, 7).isEmpty()) {
                countryGeonamesIds.put(iso, Long.parseLong(field(f, 7)));
            }
            Country country = new Country(place, distinctNames, distinctDemonyms, field(f, 4));
            countriesByIso.put(iso, country);
            for (String n : distinctNames) {
                countriesByName.putIfAbsent(key(n), country);
                addPlace(n, place);
            }
            for (String d : distinctDemonyms) {
                countriesByDemonym.putIfAbsent(key(d), country);
            }
        });
    }

    /**
     * Regions: the hand-curated table (continents, seas, peninsulas, US states with the aliases news uses)
     * and the first-level administrative regions of every country with their GeoNames ids. A curated region
     * that is also an administrative one takes its id and keeps its curated name. A region shares its name
     * with the cities so called, and {@code PlaceLinker} weighs them: a big city wins ("Berlin", "New York"),
     * a region beats a small town ("Wales", "Goa"). One-word names that read as ordinary words or given names
     * ("Central", "Michael") only lend their id to a curated region.
     */
    private void loadRegions() {
        List<String[]> curated = new ArrayList<>();
        readTsv("regions.tsv", curated::add);
        Map<String, Integer> curatedByNameAndCountry = new HashMap<>();
        List<List<String>> curatedNames = new ArrayList<>();
        for (String[] f : curated) {
            List<String> names = new ArrayList<>(split(field(f, 3)));
            names.add(0, f[0]);
            curatedNames.add(names);
            String cc = field(f, 2);
            if (!cc.isEmpty()) {
                int index = curatedNames.size() - 1;
                for (String n : names) {
                    curatedByNameAndCountry.putIfAbsent(key(n) + "|" + cc, index);
                }
                // "Washington State" is the state "Washington"
                curatedByNameAndCountry.putIfAbsent(key(f[0].replaceFirst(" [Ss]tate$", "")) + "|" + cc, index);
            }
        }
        String[] curatedIds = new String[curated.size()];
        Map<String, String[]> regionIds = new HashMap<>();
        readTsv("region-ids.tsv", f -> regionIds.put(f[0], f));
        List<String> keys = new ArrayList<>();
        readTsv("admin-regions.tsv.gz", f -> {
            keys.clear();
            keys.add(key(f[1]));
            for (String alias : split(field(f, 3))) {
                keys.add(key(alias));
            }
            for (String k : keys) {
                Integer c = curatedByNameAndCountry.get(k + "|" + f[2]);
                if (c != null) {
                    if (curatedIds[c] == null) {
                        curatedIds[c] = "geonames:" + f[0];
                    }
                    return; // the curated entry stands for it, with the name news uses
                }
            }
            Place p = new Place("geonames:" + f[0], f[1], f[2].intern(), "ADM1", 0, Double.NaN, Double.NaN);
            boolean ordinary = "ordinary".equals(field(f, 4));
            if (ordinary) {
                ordinaryRegionNames.add(keys.get(0));
            }
            for (int i = ordinary ? 1 : 0; i < keys.size(); i++) {
                addPlaceByKey(keys.get(i), p);
            }
        });
        for (int i = 0; i < curated.size(); i++) {
            String[] f = curated.get(i);
            String cc = field(f, 2);
            String[] known = regionIds.get(f[0]);
            String id = curatedIds[i] != null ? curatedIds[i] : known != null ? "geonames:" + known[1] : null;
            Place p = new Place(id, f[0], cc.isEmpty() ? null : cc, f[1], 0,
                    known != null ? Double.parseDouble(known[2]) : Double.NaN, known != null ? Double.parseDouble(known[3]) : Double.NaN);
            for (String n : curatedNames.get(i)) {
                addPlace(n, p);
            }
        }
    }

    private void loadPlaceAliases() {
        readTsv("place-aliases.tsv", f -> {
            Place p = placesById.get("geonames:" + f[1]);
            if (p != null) {
                addPlace(f[0], p);
                preferredReading.put(key(f[0]), p);
            }
        });
    }

    private void loadKnownEntities() {
        readTsv("known-entities.tsv", f -> {
            String qid = field(f, 2);
            KnownEntity e = new KnownEntity(EntityType.valueOf(f[0]), f[1], qid.isEmpty() ? null : qid,
                    split(field(f, 3)));
            knownByName.put(key(e.name()), e);
            e.aliases().forEach(a -> knownByName.put(key(a), e));
        });
    }

    private void addPlace(String name, Place p) {
        addPlaceByKey(key(name), p);
    }

    private void addPlaceByKey(String key, Place p) {
        List<Place> list = placesByName.computeIfAbsent(key, k -> new ArrayList<>(1));
        if (!list.contains(p)) {
            list.add(p);
        }
    }

    private static String field(String[] f, int i) {
        return i < f.length ? f[i].trim() : "";
    }

    private static List<String> split(String s) {
        return s.isEmpty() ? List.of() : Arrays.stream(BAR.split(s)).map(String::trim).filter(x -> !x.isEmpty()).toList();
    }

    /** Splits on tabs without regular expressions (the city table has 50,000 lines to read at start-up). */
    public static String[] splitTabs(String line) {
        int fields = 1;
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '\t') {
                fields++;
            }
        }
        String[] out = new String[fields];
        int start = 0;
        int k = 0;
        for (int i = 0; i <= line.length(); i++) {
            if (i == line.length() || line.charAt(i) == '\t') {
                out[k++] = line.substring(start, i);
                start = i + 1;
            }
        }
        return out;
    }

    private static void readTsv(String resource, Consumer<String[]> row) {
        try (InputStream raw = Gazetteer.class.getResourceAsStream(BASE + resource)) {
            if (raw == null) {
                throw new IllegalStateException("missing classpath resource " + BASE + resource);
            }
            InputStream in = resource.endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                row.accept(splitTabs(line));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** Every place name key with its places (for building feature lexicons). */
    public Map<String, List<Place>> placeNames() {
        return Collections.unmodifiableMap(placesByName);
    }

    /** Every demonym key with its country. */
    public Map<String, Country> demonyms() {
        return Collections.unmodifiableMap(countriesByDemonym);
    }

    /** Every known-entity name and alias key. */
    public Map<String, KnownEntity> knownEntities() {
        return Collections.unmodifiableMap(knownByName);
    }

    /** All countries, in table order. */
    public Iterable<Country> countries() {
        return Collections.unmodifiableCollection(countriesByIso.values());
    }
}
