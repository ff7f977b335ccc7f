package dev.newswire.tagger;

import java.util.List;
import java.util.Map;

/**
 * One real-world thing mentioned in a text, with all its mentions.
 *
 * @param type       what kind of thing it is
 * @param name       canonical name ("Vladimir Putin" for "Putin", "Putin's")
 * @param id         a stable knowledge-base id ("geonames:1835848", "wikidata:Q7747"), or null when unknown
 * @param salience   how central the entity is to the text (0..1)
 * @param attributes extra facts where known: "mentionCount" always; for places "lat", "lon", "countryCode",
 *                   "featureType" (GeoNames code: PPLC capital, PCLI country, ADM1 state, ...), "population",
 *                   "geonamesId", and for a capital used as its government ("Pyongyang denies") "governmentOf"
 *                   (ISO country code) with "governmentMentionCount"; for people and organisations "wikidata"
 * @param mentions   every mention, in text order
 */
public record Entity(EntityType type, String name, String id, double salience,
                     Map<String, Object> attributes, List<Mention> mentions) {
    public Entity {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        mentions = List.copyOf(mentions);
    }
}
