package dev.newswire.tagger.link;

import dev.newswire.tagger.gazetteer.Country;
import dev.newswire.tagger.gazetteer.Gazetteer;
import dev.newswire.tagger.gazetteer.Place;
import dev.newswire.tagger.gazetteer.PlaceTable;
import dev.newswire.tagger.text.Token;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Chooses the place each LOCATION name of an article refers to, by evidence rather than by name alone.
 *
 * <ol>
 *   <li><b>Candidates</b>: every place of that name or alternate name: countries, curated regions, the
 *   GeoNames places and divisions of the linking table ({@link PlaceTable}), at most
 *   {@value #MAX_CANDIDATES} of them, the most populous first (countries, divisions and the default
 *   reading always stay);</li>
 *   <li><b>a first reading</b> of every name from what the candidate is and what the article says outright
 *   (the countries it names, "City, State" patterns, the page's host): the best score under
 *   {@link PlaceWeights} with the context features left at 0;</li>
 *   <li><b>the reading</b>: the same scores with the context features computed from the other names' first
 *   readings: in which country, first- and second-level division the article's other places lie, and how
 *   far the nearest is ({@link PlaceFeatures}).</li>
 * </ol>
 * One reading per name and article ("one sense per discourse"). Thread-safe.
 */
public final class PlaceLinker {

    /** A division named like its seat yields to the city when the city holds at least this share of its people. */
    static final double NAMESAKE_SEAT_SHARE = 0.2;
    /** Candidates kept per name, the most populous first. */
    static final int MAX_CANDIDATES = 40;
    private static final Set<String> GENERIC_US_DOMAINS = Set.of("com", "org", "net", "edu", "gov", "us", "mil");
    /** Country-code domains used for other things than their country. */
    private static final Set<String> NON_COUNTRY_DOMAINS = Set.of("tv", "io", "co", "me", "fm", "ai", "ly", "cc", "ws", "to");

    private final Gazetteer gazetteer;
    private final PlaceTable table;
    private final PlaceWeights weights;

    /** A linker over this gazetteer with the shipped weights. */
    public PlaceLinker(Gazetteer gazetteer) {
        this(gazetteer, PlaceWeights.shipped());
    }

    /** A linker over this gazetteer with these weights. */
    public PlaceLinker(Gazetteer gazetteer, PlaceWeights weights) {
        this.gazetteer = gazetteer;
        this.table = gazetteer.table();
        this.weights = weights;
    }

    /** A place name of an article: the name as written and the tokens it spans. */
    public record PlaceName(String text, int tokenStart, int tokenEnd) {
    }

    /** One possible reading of a name. */
    public record Candidate(Place place, boolean alternate, boolean preferred) {
    }

    /** The candidates of one name of an article and their features. */
    public record Choice(PlaceName name, String key, List<Candidate> candidates, double[][] features) {
    }

    /**
     * The place {@code name} most likely refers to in an article naming these countries and nothing else, or null.
     *
     * @param articleCountries ISO codes of countries the article names outright
     */
    public Place link(String name, Set<String> articleCountries) {
        List<Token> tokens = List.of(new Token(name, 0, name.length()));
        return resolve(List.of(new PlaceName(name, 0, 1)), tokens, articleCountries, null).get(0);
    }

    /**
     * The reading of every name (null where none), in the order given.
     *
     * @param names            the article's place names
     * @param tokens           the article's tokens (for the "City, State" patterns)
     * @param articleCountries ISO codes of the countries the article names outright or names a people of
     * @param host             the page's host name ("www.thetowntalk.com"), or null
     */
    public List<Place> resolve(List<PlaceName> names, List<Token> tokens, Set<String> articleCountries, String host) {
        List<Choice> choices = choices(names, tokens, articleCountries, host);
        Place[] first = readings(choices, null, articleCountries);
        Place[] second = readings(choices, first, articleCountries);
        List<Place> out = new ArrayList<>(names.size());
        for (Place p : second) {
            out.add(p);
        }
        return out;
    }

    /**
     * The candidates and features of every name, context features computed from the first readings (what
     * {@code geo-train} learns from).
     */
    public List<Choice> choicesInContext(List<PlaceName> names, List<Token> tokens, Set<String> articleCountries, String host) {
        List<Choice> choices = choices(names, tokens, articleCountries, host);
        Place[] first = readings(choices, null, articleCountries);
        for (int i = 0; i < choices.size(); i++) {
            Choice c = choices.get(i);
            for (int k = 0; k < c.candidates().size(); k++) {
                fillContext(c.features()[k], c.candidates().get(k).place(), i, choices, first, articleCountries, distinct(choices));
            }
        }
        return choices;
    }

    /** Candidate lists by name as written, for names seen before (bounded: cleared when full). */
    private final java.util.concurrent.ConcurrentHashMap<String, List<Candidate>> cache = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int CACHE_SIZE = 20_000;

    /** The candidates of a name: every place so called, merged by id, at most {@value #MAX_CANDIDATES}. */
    public List<Candidate> candidates(String name) {
        List<Candidate> cached = cache.get(name);
        if (cached != null) {
            return cached;
        }
        List<Candidate> found = List.copyOf(findCandidates(name));
        if (cache.size() >= CACHE_SIZE) {
            cache.clear();
        }
        cache.put(name, found);
        return found;
    }

    private List<Candidate> findCandidates(String name) {
        String key = Gazetteer.key(name);
        Map<Object, Candidate> byId = new LinkedHashMap<>();
        Place preferred = gazetteer.preferredReading(name);
        boolean abbreviation = isAbbreviation(name);
        for (Place p : gazetteer.places(name)) {
            if (abbreviation && !p.isCountry() && !p.equals(preferred) && !p.name().equals(name)) {
                continue; // "US" is the country, not the French village Us
            }
            Place rich = richer(p);
            // a division the name only abbreviates ("Moscow" for Moscow Oblast) is matched by another name of it,
            // like an alternate of the linking table: the bare name is the city's
            boolean alternate = !p.isCountry() && p.featureType().startsWith("ADM") && !Gazetteer.key(p.name()).equals(key);
            add(byId, new Candidate(rich, alternate, p.equals(preferred)));
        }
        int[] rows = table.rowsByKey(key);
        if (rows.length > 0) {
            int[] sorted = rows.clone();
            // most populous first, primary names before alternates
            java.util.Arrays.sort(sorted);
            List<int[]> ranked = new ArrayList<>();
            for (int e : sorted) {
                ranked.add(new int[]{e >>> 1, e & 1});
            }
            ranked.sort((a, b) -> Long.compare(table.population(b[0]), table.population(a[0])));
            boolean ordinary = gazetteer.isOrdinaryRegionName(name);
            int kept = 0;
            for (int[] r : ranked) {
                if (kept >= MAX_CANDIDATES) {
                    break;
                }
                Place p = table.place(r[0]);
                if (abbreviation && !p.name().equals(name)) {
                    continue;
                }
                if (p.featureType().startsWith("ADM") && ordinary) {
                    continue; // "Central", "Michael": only with more words ("Central Region") a division
                }
                if (r[1] == 1 && !isDivisionOrSeat(p) && p.population() < 1000 && ranked.size() > 1) {
                    continue; // a small place's old or foreign name is rarely what an article means
                }
                add(byId, new Candidate(p, r[1] == 1, false));
                kept++;
            }
        }
        String region = regionOfAbbreviation(gazetteer, name);
        if (region != null) {
            Place division = division(region);
            if (division != null) {
                add(byId, new Candidate(division, false, false));
            }
        }
        return withoutNamesakeDivisions(withoutDivisionsOfTheirCountry(new ArrayList<>(byId.values())));
    }

    /**
     * The first-level division ("CA.02") an abbreviation names: a postal code in capitals ("BC", "KY") or an
     * abbreviation with a period ("B.C.", "Ky."); null for any other name.
     */
    static String regionOfAbbreviation(Gazetteer gazetteer, String name) {
        boolean postal = name.length() == 2 && Character.isUpperCase(name.charAt(0)) && Character.isUpperCase(name.charAt(1));
        return name.indexOf('.') > 0 || postal ? gazetteer.regionByAbbreviation(name) : null;
    }

    /**
     * An abbreviation written in capitals ("US", "UK", "DRC") names a place written that way or a country by
     * its alias, never a place whose name it merely spells in other case ("Us", a village in France).
     */
    static boolean isAbbreviation(String name) {
        if (name.length() < 2 || name.length() > 4) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            if (!Character.isUpperCase(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Drops a division named like its own country ("Mexico" for the State of Mexico, "Panama" for the province)
     * and a place of that country only an alternate name calls so ("Mexico" for Mexico City), where the country
     * is a candidate too: news means the country, which holds them; they are still found by their own names
     * ("State of Mexico", "Mexico City").
     */
    private static List<Candidate> withoutDivisionsOfTheirCountry(List<Candidate> cands) {
        List<Candidate> out = null;
        for (Candidate c : cands) {
            if (!c.place().isCountry()) {
                continue;
            }
            for (Candidate d : cands) {
                if (d != c && (d.alternate() || d.place().featureType().startsWith("ADM"))
                        && d.place().countryCode().equals(c.place().countryCode())) {
                    if (out == null) {
                        out = new ArrayList<>(cands);
                    }
                    out.remove(d);
                }
            }
        }
        return out == null ? cands : out;
    }

    /**
     * Drops a division named like the city that is its seat and holds a good part of its people ("Seoul",
     * "Pyongyang", "Ankara", "Tokyo" are the cities, not their provinces), since news means the city; a
     * division much bigger than its seat stays ("Quebec").
     */
    private static List<Candidate> withoutNamesakeDivisions(List<Candidate> cands) {
        List<Candidate> out = null;
        for (Candidate d : cands) {
            Place div = d.place();
            boolean adm1 = "ADM1".equals(div.featureType());
            if (!adm1 && !"ADM2".equals(div.featureType()) || div.admin1() == null) {
                continue;
            }
            for (Candidate c : cands) {
                Place city = c.place();
                boolean seat = adm1 ? "PPLC".equals(city.featureType()) || "PPLA".equals(city.featureType())
                        : "PPLA2".equals(city.featureType()) || "PPLA".equals(city.featureType()) || "PPLC".equals(city.featureType());
                if (seat && !c.alternate() && div.countryCode().equals(city.countryCode()) && div.admin1().equals(city.admin1())
                        && (adm1 || div.admin2() != null && div.admin2().equals(city.admin2()))
                        && city.population() >= NAMESAKE_SEAT_SHARE * div.population()) {
                    if (out == null) {
                        out = new ArrayList<>(cands);
                    }
                    out.remove(d);
                    break;
                }
            }
        }
        return out == null ? cands : out;
    }

    private static boolean isDivisionOrSeat(Place p) {
        return p.featureType().startsWith("ADM") || p.featureType().startsWith("PPLA") || "PPLC".equals(p.featureType());
    }

    private static void add(Map<Object, Candidate> byId, Candidate c) {
        Object k = c.place().id() != null ? c.place().id() : c.place();
        Candidate old = byId.get(k);
        if (old == null) {
            byId.put(k, c);
        } else {
            // keep the first (curated or core) name, the richer place, and the strongest flags
            Place p = old.place().hasPosition() || !c.place().hasPosition() ? old.place()
                    : c.place().withName(old.place().name());
            byId.put(k, new Candidate(p, old.alternate() && c.alternate(), old.preferred() || c.preferred()));
        }
    }

    /** The linking table's row for a core place with a GeoNames id (coordinates, admin codes), under the core name. */
    private Place richer(Place p) {
        if (p.id() != null && p.id().startsWith("geonames:")) {
            int row = table.rowOfGeonamesId(Integer.parseInt(p.id().substring("geonames:".length())));
            if (row >= 0) {
                return table.place(row).withName(p.name());
            }
        }
        return p;
    }

    /** The first-level division "CC.A1" as a place from the linking table, or null. */
    private Place division(String code) {
        int row = table.rowOfDivision(code);
        return row < 0 ? null : table.place(row);
    }

    private List<Choice> choices(List<PlaceName> names, List<Token> tokens, Set<String> articleCountries, String host) {
        String hostCountry = hostCountry(host);
        boolean genericHost = host != null && GENERIC_US_DOMAINS.contains(topLabel(host));
        Map<String, List<Candidate>> byName = new HashMap<>();
        List<Choice> out = new ArrayList<>(names.size());
        for (PlaceName n : names) {
            String key = Gazetteer.key(n.text());
            List<Candidate> cands = byName.computeIfAbsent(key, k -> candidates(n.text()));
            long maxPop = 0;
            for (Candidate c : cands) {
                maxPop = Math.max(maxPop, c.place().population());
            }
            String[] follows = containerAfter(n, tokens);
            String[] previous = placeBefore(n, tokens);
            double[][] f = new double[cands.size()][PlaceFeatures.COUNT];
            for (int k = 0; k < cands.size(); k++) {
                Candidate c = cands.get(k);
                Place p = c.place();
                PlaceFeatures.fillIntrinsic(f[k], p, c.alternate(), c.preferred(), maxPop > 0 && p.population() == maxPop);
                String cc = p.countryCode();
                f[k][PlaceFeatures.NAMES_COUNTRY] = cc != null && !p.isCountry() && articleCountries.contains(cc) ? 1 : 0;
                f[k][PlaceFeatures.CONTAINER_FOLLOWS] = follows != null && contains(follows, p) ? 1 : 0;
                f[k][PlaceFeatures.CONTAINS_PREVIOUS] = previous != null && containsNamed(p, previous[0]) ? 1 : 0;
                f[k][PlaceFeatures.HOST_COUNTRY] = cc != null && cc.equals(hostCountry) ? 1 : 0;
                f[k][PlaceFeatures.HOST_GENERIC_US] = genericHost && "US".equals(cc) ? 1 : 0;
            }
            out.add(new Choice(n, key, cands, f));
        }
        return out;
    }

    /** Best reading of each name; context features from {@code previous} readings, or none when null. */
    private Place[] readings(List<Choice> choices, Place[] previous, Set<String> articleCountries) {
        Place[] out = new Place[choices.size()];
        double[] scratch = new double[PlaceFeatures.COUNT];
        int[] distinct = previous == null ? null : distinct(choices);
        for (int i = 0; i < choices.size(); i++) {
            Choice c = choices.get(i);
            double best = Double.NEGATIVE_INFINITY;
            Place preferred = null;
            boolean patterned = false;
            for (int k = 0; k < c.candidates().size(); k++) {
                System.arraycopy(c.features()[k], 0, scratch, 0, scratch.length);
                Place p = c.candidates().get(k).place();
                if (previous != null) {
                    fillContext(scratch, p, i, choices, previous, articleCountries, distinct);
                }
                double s = weights.score(scratch);
                if (s > best) {
                    best = s;
                    out[i] = p;
                    patterned = scratch[PlaceFeatures.CONTAINER_FOLLOWS] > 0 || scratch[PlaceFeatures.CONTAINS_PREVIOUS] > 0;
                }
                if (c.candidates().get(k).preferred()) {
                    preferred = p;
                }
            }
            if (preferred != null && !patterned) {
                out[i] = preferred; // the curated default reading ("Washington" is the capital) unless a pattern says otherwise
            }
        }
        return out;
    }

    /** The index of the first name of each distinct key. */
    private static int[] distinct(List<Choice> choices) {
        Set<String> seen = new java.util.HashSet<>();
        int[] out = new int[choices.size()];
        int n = 0;
        for (int j = 0; j < choices.size(); j++) {
            if (seen.add(choices.get(j).key())) {
                out[n++] = j;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** The context features of candidate {@code p} of name {@code i}, from the other names' readings. */
    private static void fillContext(double[] f, Place p, int i, List<Choice> choices, Place[] readings,
                                    Set<String> articleCountries, int[] distinct) {
        String self = choices.get(i).key();
        int others = 0;
        int inCountry = 0;
        boolean admin1 = false;
        boolean admin2 = false;
        double nearest = Double.POSITIVE_INFINITY;
        List<String> seenCountries = new ArrayList<>(4);
        for (int j : distinct) { // each other name counts once
            Place r = readings[j];
            if (r == null || choices.get(j).key().equals(self)) {
                continue;
            }
            others++;
            if (r.isCountry()) {
                seenCountries.add(r.countryCode());
            }
            if (p.countryCode() != null && p.countryCode().equals(r.countryCode())) {
                inCountry++;
                if (!p.isCountry() && !r.isCountry() && p.admin1() != null && p.admin1().equals(r.admin1())) {
                    admin1 = true;
                    if (p.admin2() != null && p.admin2().equals(r.admin2())) {
                        admin2 = true;
                    }
                }
            }
            if (!p.isCountry() && !r.isCountry() && p.hasPosition() && r.hasPosition()
                    && ("P".equals(r.featureClass()) || "ADM2".equals(r.featureType()))) {
                nearest = Math.min(nearest, Place.distanceKm(p.lat(), p.lon(), r.lat(), r.lon()));
            }
        }
        for (String cc : articleCountries) {
            // the countries the article names (or names a people of) that no other name read as
            if (!seenCountries.contains(cc)) {
                seenCountries.add(cc);
                others++;
                if (cc.equals(p.countryCode())) {
                    inCountry++;
                }
            }
        }
        f[PlaceFeatures.COUNTRY_SHARE] = others == 0 ? 0 : (double) inCountry / others;
        f[PlaceFeatures.SAME_ADMIN1] = admin1 ? 1 : 0;
        f[PlaceFeatures.SAME_ADMIN2] = admin2 ? 1 : 0;
        f[PlaceFeatures.NEAR] = Double.isInfinite(nearest) ? 0 : PlaceFeatures.closeness(nearest);
    }

    /**
     * "Alexandria, La.", "Alexandria, Louisiana", "Pineville, Rapides Parish", "Lyon, France": the containers
     * the words after a comma name, as "CC", "CC.A1" or "CC.A1.A2" codes, or null when no such pattern.
     */
    private String[] containerAfter(PlaceName n, List<Token> tokens) {
        int i = n.tokenEnd();
        if (i + 1 >= tokens.size() || !",".equals(tokens.get(i).text())) {
            return null;
        }
        List<String> codes = new ArrayList<>();
        StringBuilder words = new StringBuilder();
        for (int k = i + 1; k < Math.min(tokens.size(), i + 4); k++) {
            String w = tokens.get(k).text();
            if (w.isEmpty() || !Character.isUpperCase(w.charAt(0))) {
                break;
            }
            if (words.length() > 0) {
                words.append(' ');
            }
            words.append(w);
            String phrase = words.toString();
            String abbreviation = gazetteer.regionByAbbreviation(phrase);
            if (abbreviation == null && k + 1 < tokens.size() && ".".equals(tokens.get(k + 1).text())) {
                abbreviation = gazetteer.regionByAbbreviation(phrase + ".");
            }
            if (abbreviation != null && (phrase.length() > 2 || k == i + 1)) {
                codes.add(abbreviation);
            }
            containerCodes(phrase, codes);
        }
        return codes.isEmpty() ? null : codes.toArray(new String[0]);
    }

    /** The place before "X, <this>", for "Louisiana contains Alexandria": its name, or null. */
    private static String[] placeBefore(PlaceName n, List<Token> tokens) {
        int i = n.tokenStart() - 1;
        if (i < 1 || !",".equals(tokens.get(i).text())) {
            return null;
        }
        StringBuilder words = new StringBuilder();
        int k = i - 1;
        while (k >= 0 && k > i - 4 && !tokens.get(k).text().isEmpty() && Character.isUpperCase(tokens.get(k).text().charAt(0))) {
            k--;
        }
        for (int j = k + 1; j < i; j++) {
            if (words.length() > 0) {
                words.append(' ');
            }
            words.append(tokens.get(j).text());
        }
        return words.length() == 0 ? null : new String[]{words.toString()};
    }

    /** Adds the codes of the countries and divisions a phrase names. */
    private void containerCodes(String phrase, List<String> codes) {
        Country c = gazetteer.countryByName(phrase);
        if (c != null) {
            codes.add(c.iso2());
        }
        for (int e : table.rowsByKey(Gazetteer.key(phrase))) {
            if ((e & 1) == 1) {
                continue;
            }
            Place p = table.place(e >>> 1);
            if ("ADM1".equals(p.featureType())) {
                codes.add(p.countryCode() + "." + p.admin1());
            } else if ("ADM2".equals(p.featureType())) {
                codes.add(p.countryCode() + "." + p.admin1() + "." + p.admin2());
            }
        }
        for (Place p : gazetteer.places(phrase)) {
            Place rich = richer(p);
            if ("ADM1".equals(rich.featureType()) && rich.admin1() != null) {
                codes.add(rich.countryCode() + "." + rich.admin1());
            }
        }
    }

    private static boolean contains(String[] codes, Place p) {
        if (p.isCountry() || p.countryCode() == null) {
            return false;
        }
        for (String code : codes) {
            String[] parts = code.split("\\.");
            boolean in = parts[0].equals(p.countryCode())
                    && (parts.length < 2 || parts[1].equals(p.admin1()))
                    && (parts.length < 3 || parts[2].equals(p.admin2()));
            boolean itself = parts.length == 2 && "ADM1".equals(p.featureType()) || parts.length == 3 && "ADM2".equals(p.featureType());
            if (in && !itself) {
                return true;
            }
        }
        return false;
    }

    /** Whether container {@code p} (a country or division) holds a place named {@code name}. */
    private boolean containsNamed(Place p, String name) {
        if (!p.isCountry() && !p.featureType().startsWith("ADM")) {
            return false;
        }
        for (int e : table.rowsByKey(Gazetteer.key(name))) {
            Place q = table.place(e >>> 1);
            if (q == p || q.id() != null && q.id().equals(p.id()) || !p.countryCode().equals(q.countryCode())) {
                continue;
            }
            if (p.isCountry() || "ADM1".equals(p.featureType()) && p.admin1() != null && p.admin1().equals(q.admin1())
                    || "ADM2".equals(p.featureType()) && p.admin2() != null && p.admin1().equals(q.admin1()) && p.admin2().equals(q.admin2())) {
                return true;
            }
        }
        return false;
    }

    private static String topLabel(String host) {
        int dot = host.lastIndexOf('.');
        return host.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** The country of a host's country-code domain ("bbc.co.uk" → GB), or null. */
    private String hostCountry(String host) {
        if (host == null || host.isEmpty()) {
            return null;
        }
        String top = topLabel(host);
        if (top.length() != 2 || NON_COUNTRY_DOMAINS.contains(top)) {
            return null;
        }
        String iso = "uk".equals(top) ? "GB" : top.toUpperCase(Locale.ROOT);
        return gazetteer.countryByIso(iso) != null ? iso : null;
    }
}
