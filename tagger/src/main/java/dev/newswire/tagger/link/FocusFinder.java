package dev.newswire.tagger.link;

import dev.newswire.tagger.Entity;
import dev.newswire.tagger.EntityType;
import dev.newswire.tagger.Focus;
import dev.newswire.tagger.Focus.FocusPlace;
import dev.newswire.tagger.gazetteer.Country;
import dev.newswire.tagger.gazetteer.Gazetteer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Ranks an article's linked places into focus countries and cities. */
public final class FocusFinder {

    /** A city mention is weaker evidence for its country than naming the country. */
    private static final double CITY_WEIGHT_FOR_COUNTRY = 0.5;
    /** Keep places scoring at least this share of the strongest one. */
    private static final double KEEP_SHARE = 1.0 / 3;

    private final Gazetteer gazetteer;

    /** A finder over this gazetteer. */
    public FocusFinder(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    /** The focus of an article from its resolved entities. */
    public Focus focus(List<Entity> entities) {
        Map<String, Double> countryScores = new LinkedHashMap<>();
        List<FocusPlace> cities = new ArrayList<>();
        for (Entity e : entities) {
            if (e.type() == EntityType.MISC && e.attributes().get("nationalityOf") instanceof String people) {
                // "North Korean troops" is news about North Korea as much as "North Korea" is
                countryScores.merge(people, (double) e.mentions().size(), Double::sum);
                continue;
            }
            if (e.type() != EntityType.LOCATION || e.id() == null) {
                continue;
            }
            Object cc = e.attributes().get("countryCode");
            int mentions = e.mentions().size();
            if (!(cc instanceof String code)) {
                continue;
            }
            if (e.id().startsWith("iso3166:")) {
                countryScores.merge(code, (double) mentions, Double::sum);
            } else {
                // a capital acting as its government ("Moscow denies") names the country outright
                int governmentMentions = e.attributes().get("governmentMentionCount") instanceof Integer g ? g : 0;
                countryScores.merge(code, CITY_WEIGHT_FOR_COUNTRY * (mentions - governmentMentions) + governmentMentions,
                        Double::sum);
                if (String.valueOf(e.attributes().get("featureType")).startsWith("PPL")) {
                    cities.add(new FocusPlace(e.name(), e.id(), code, mentions));
                }
            }
        }
        List<FocusPlace> countries = new ArrayList<>();
        countryScores.forEach((code, score) -> {
            Country c = gazetteer.countryByIso(code);
            if (c != null) {
                countries.add(new FocusPlace(c.place().name(), c.place().id(), code, score));
            }
        });
        return new Focus(strongest(countries), strongest(cities));
    }

    private static List<FocusPlace> strongest(List<FocusPlace> places) {
        places.sort(Comparator.comparingDouble(FocusPlace::score).reversed());
        if (places.isEmpty()) {
            return List.of();
        }
        double floor = places.get(0).score() * KEEP_SHARE;
        return places.stream().filter(p -> p.score() >= floor).toList();
    }
}
