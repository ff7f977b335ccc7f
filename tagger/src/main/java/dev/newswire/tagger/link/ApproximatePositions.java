package dev.newswire.tagger.link;

import dev.newswire.tagger.Entity;
import dev.newswire.tagger.EntityType;
import dev.newswire.tagger.Mention;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Gives a place the tables do not know ("Royal Street", "Faubourg Marigny", "MetroHealth Medical Center") the
 * position of the town or county the article names nearest before it (after it, when none comes before), marked
 * {@code approximate=true} with the id of that place in {@code near}: a street, a building or a neighbourhood lies
 * in or close to the town the article is about, so a map can show it there, and a consumer who wants only resolved
 * places skips what is marked. Its id stays null and it gets no feature type: nothing is claimed about what it is.
 * Names of wide areas ("North Africa", "Atlantic", words in {@code lexicon/wide-area-words.txt}) get no position,
 * nor does anything when the article names no town or county (a country or a state is too wide to stand for a
 * street).
 */
final class ApproximatePositions {

    /** GeoNames codes of the divisions small enough to stand for a place inside them; populated places (class P) too. */
    private static final Set<String> LOCAL_DIVISIONS = Set.of("ADM2", "ADM3", "ADM4", "ADM5");

    private final Set<String> wideAreaWords;

    ApproximatePositions(Set<String> wideAreaWords) {
        this.wideAreaWords = wideAreaWords;
    }

    /** The entities, the unresolved places among them with an approximate position where one can be given. */
    List<Entity> add(List<Entity> entities) {
        List<Entity> anchors = entities.stream().filter(ApproximatePositions::isLocalAnchor).toList();
        if (anchors.isEmpty()) {
            return entities;
        }
        List<Entity> out = new ArrayList<>(entities.size());
        for (Entity e : entities) {
            Entity anchor = isUnresolvedLocalPlace(e) ? nearest(anchors, e.mentions().get(0).start()) : null;
            out.add(anchor == null ? e : positioned(e, anchor));
        }
        return out;
    }

    private boolean isUnresolvedLocalPlace(Entity e) {
        if (e.type() != EntityType.LOCATION || e.attributes().containsKey("lat") || e.attributes().containsKey("featureType")) {
            return false;
        }
        for (String word : e.name().toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
            if (wideAreaWords.contains(word)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLocalAnchor(Entity e) {
        Map<String, Object> a = e.attributes();
        return e.type() == EntityType.LOCATION && e.id() != null && a.get("lat") instanceof Double
                && ("P".equals(a.get("featureClass")) || LOCAL_DIVISIONS.contains(String.valueOf(a.get("featureType"))));
    }

    /** The anchor with the mention closest before {@code offset}, else the one closest after it. */
    private static Entity nearest(List<Entity> anchors, int offset) {
        Entity before = null;
        int beforeAt = -1;
        Entity after = null;
        int afterAt = Integer.MAX_VALUE;
        for (Entity a : anchors) {
            for (Mention m : a.mentions()) {
                if (m.start() < offset && m.start() > beforeAt) {
                    before = a;
                    beforeAt = m.start();
                } else if (m.start() > offset && m.start() < afterAt) {
                    after = a;
                    afterAt = m.start();
                }
            }
        }
        return before != null ? before : after;
    }

    private static Entity positioned(Entity e, Entity anchor) {
        Map<String, Object> a = new LinkedHashMap<>(e.attributes());
        a.put("lat", anchor.attributes().get("lat"));
        a.put("lon", anchor.attributes().get("lon"));
        a.put("approximate", true);
        a.put("near", anchor.id());
        if (anchor.attributes().get("countryCode") != null) {
            a.putIfAbsent("countryCode", anchor.attributes().get("countryCode"));
        }
        return new Entity(e.type(), e.name(), e.id(), e.salience(), a, e.mentions());
    }
}
