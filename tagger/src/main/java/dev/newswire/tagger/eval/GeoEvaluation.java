package dev.newswire.tagger.eval;

import dev.newswire.tagger.Entity;
import dev.newswire.tagger.EntityType;
import dev.newswire.tagger.Mention;
import dev.newswire.tagger.gazetteer.Country;
import dev.newswire.tagger.gazetteer.Gazetteer;
import dev.newswire.tagger.gazetteer.Place;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The geoparsing measure of {@code shared/datasets/geo/README.md}: for each gold toponym in text order, the
 * next unused LOCATION mention with the same text (case-insensitive). <b>Found</b>: share of gold toponyms so
 * matched; <b>correct</b>: the mention's entity has the gold GeoNames id, or the gold country when the toponym
 * is a country, or a position within {@value #KM} km of the gold point (accuracy@161 km); <b>end to end</b>:
 * correct / all gold toponyms; <b>with an id</b>: share of the found whose entity carries an id.
 */
public final class GeoEvaluation {

    /** The distance within which a resolution counts as correct (100 miles). */
    public static final double KM = 161;

    private final Gazetteer gazetteer;
    private final Map<Long, String> countryByGeonamesId = new HashMap<>();
    private int gold;
    private int found;
    private int correct;
    private int withId;

    private final boolean nationalities;

    /** A measure using the gazetteer's countries to compare country toponyms. */
    public GeoEvaluation(Gazetteer gazetteer) {
        this(gazetteer, false);
    }

    /**
     * The same; with {@code nationalities}, a nationality word linked to its country ("Syrian", MISC with
     * {@code countryId}) also counts as a place mention of that country, as gold sets that mark adjectival
     * toponyms expect.
     */
    public GeoEvaluation(Gazetteer gazetteer, boolean nationalities) {
        this.gazetteer = gazetteer;
        this.nationalities = nationalities;
        for (Country c : gazetteer.countries()) {
            Long id = gazetteer.countryGeonamesId(c.iso2());
            if (id != null) {
                countryByGeonamesId.put(id, c.iso2());
            }
        }
    }

    /** A gold toponym and the entity its mention belongs to (null when not found). */
    public record Match(GeoGold.Toponym gold, Entity entity, Mention mention, boolean correct) {
    }

    /** Scores one article's entities; returns every gold toponym with its match. */
    public List<Match> add(GeoGold.Article article, List<Entity> entities) {
        List<Object[]> mentions = new ArrayList<>();
        for (Entity e : entities) {
            if (e.type() == EntityType.LOCATION || nationalities && e.attributes().get("countryId") instanceof String) {
                for (Mention m : e.mentions()) {
                    mentions.add(new Object[]{m, e});
                }
            }
        }
        mentions.sort(Comparator.comparingInt(o -> ((Mention) o[0]).start()));
        boolean[] used = new boolean[mentions.size()];
        List<Match> out = new ArrayList<>();
        for (GeoGold.Toponym t : article.toponyms()) {
            gold++;
            String phrase = t.phrase().toLowerCase(Locale.ROOT);
            int hit = -1;
            for (int i = 0; i < mentions.size(); i++) {
                if (!used[i] && ((Mention) mentions.get(i)[0]).text().toLowerCase(Locale.ROOT).equals(phrase)) {
                    hit = i;
                    break;
                }
            }
            if (hit < 0) {
                out.add(new Match(t, null, null, false));
                continue;
            }
            used[hit] = true;
            found++;
            Entity e = (Entity) mentions.get(hit)[1];
            if (e.id() != null || e.attributes().get("countryId") != null) {
                withId++;
            }
            boolean ok = isCorrect(t, e);
            if (ok) {
                correct++;
            }
            out.add(new Match(t, e, (Mention) mentions.get(hit)[0], ok));
        }
        return out;
    }

    /** Same GeoNames id, same country for a country, or within {@value #KM} km. */
    public boolean isCorrect(GeoGold.Toponym t, Entity e) {
        Object gid = e.attributes().get("geonamesId");
        if (t.geonamesId() != 0 && gid instanceof Number n && n.longValue() == t.geonamesId()) {
            return true;
        }
        String goldCountry = t.country() != null ? isoOf(t.country()) : countryByGeonamesId.get(t.geonamesId());
        if (goldCountry != null && ("iso3166:" + goldCountry).equals(e.id() != null ? e.id() : e.attributes().get("countryId"))) {
            return true;
        }
        return e.attributes().get("lat") instanceof Double lat && e.attributes().get("lon") instanceof Double lon
                && Place.distanceKm(lat, lon, t.lat(), t.lon()) <= KM;
    }

    /** Whether a place (a candidate reading) is a correct resolution of a gold toponym. */
    public boolean isCorrect(GeoGold.Toponym t, Place p) {
        if (p.id() != null && p.id().equals("geonames:" + t.geonamesId())) {
            return true;
        }
        String goldCountry = t.country() != null ? isoOf(t.country()) : countryByGeonamesId.get(t.geonamesId());
        if (goldCountry != null && p.isCountry() && goldCountry.equals(p.countryCode())) {
            return true;
        }
        return p.hasPosition() && Place.distanceKm(p.lat(), p.lon(), t.lat(), t.lon()) <= KM;
    }

    private String isoOf(String countryName) {
        Country c = gazetteer.countryByName(countryName);
        return c == null ? null : c.iso2();
    }

    /** Gold toponyms scored. */
    public int gold() {
        return gold;
    }

    /** Share of gold toponyms found as a place mention. */
    public double found() {
        return gold == 0 ? 0 : (double) found / gold;
    }

    /** Share of the found resolved correctly. */
    public double correctOfFound() {
        return found == 0 ? 0 : (double) correct / found;
    }

    /** Correct / all gold toponyms. */
    public double endToEnd() {
        return gold == 0 ? 0 : (double) correct / gold;
    }

    /** Share of the found whose entity has an id. */
    public double withId() {
        return found == 0 ? 0 : (double) withId / found;
    }
}
