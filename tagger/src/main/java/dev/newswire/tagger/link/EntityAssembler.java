package dev.newswire.tagger.link;

import dev.newswire.tagger.Entity;
import dev.newswire.tagger.Mention;
import dev.newswire.tagger.gazetteer.Place;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The last pass: each cluster becomes an {@link Entity} with its mentions in text order (overlaps dropped),
 * its salience (a weighted sum of its share of mentions and how early it is first named, weights in
 * {@code link/resolver.properties}) and the facts known about it.
 */
final class EntityAssembler {

    private final ResolverData data;
    private final dev.newswire.tagger.gazetteer.Gazetteer gazetteer;

    EntityAssembler(ResolverData data, dev.newswire.tagger.gazetteer.Gazetteer gazetteer) {
        this.data = data;
        this.gazetteer = gazetteer;
    }

    List<Entity> entities(String text, Clusters clusters) {
        int maxMentions = 1;
        for (Cluster c : clusters.all()) {
            maxMentions = Math.max(maxMentions, c.mentions.size());
        }
        List<Entity> entities = new ArrayList<>();
        for (Cluster c : clusters.all()) {
            c.mentions.sort(Comparator.comparingInt(RawMention::start));
            List<Mention> ms = new ArrayList<>();
            int lastEnd = -1;
            for (RawMention m : c.mentions) {
                if (m.start() >= lastEnd) {
                    ms.add(new Mention(m.start(), m.end(), m.text()));
                    lastEnd = m.end();
                }
            }
            double earliness = 1.0 - (double) ms.get(0).start() / Math.max(1, text.length());
            double salience = data.salienceMentions() * ms.size() / maxMentions + data.salienceEarliness() * earliness;
            entities.add(new Entity(c.type, c.name, c.id, Math.round(salience * 1000) / 1000.0, attributes(c, ms.size()), ms));
        }
        entities.sort(Comparator.comparingDouble(Entity::salience).reversed());
        return entities;
    }

    private Map<String, Object> attributes(Cluster c, int mentionCount) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("mentionCount", mentionCount);
        Place p = c.place;
        if (p != null) {
            if (p.countryCode() != null) {
                a.put("countryCode", p.countryCode());
            }
            a.put("featureType", p.featureType());
            a.put("featureClass", p.featureClass());
            if (p.admin1() != null && !p.isCountry()) {
                a.put("admin1", p.admin1());
                if (p.admin2() != null && !"ADM1".equals(p.featureType())) {
                    a.put("admin2", p.admin2());
                }
            }
            if (p.population() > 0) {
                a.put("population", p.population());
            }
            if (!Double.isNaN(p.lat())) {
                a.put("lat", p.lat());
                a.put("lon", p.lon());
            }
            if (p.id() != null && p.id().startsWith("geonames:")) {
                a.put("geonamesId", Long.parseLong(p.id().substring("geonames:".length())));
            } else if (p.isCountry() && gazetteer.countryGeonamesId(p.countryCode()) != null) {
                a.put("geonamesId", gazetteer.countryGeonamesId(p.countryCode()));
            }
        }
        if (c.governmentMentions > 0 && p != null) {
            a.put("governmentOf", p.countryCode());
            a.put("governmentMentionCount", c.governmentMentions);
        }
        if (c.nationalityOf != null) {
            a.put("nationalityOf", c.nationalityOf.iso2());
            a.put("countryId", c.nationalityOf.place().id());
        }
        if (c.id != null && c.id.startsWith("wikidata:")) {
            a.put("wikidata", c.id.substring("wikidata:".length()));
        }
        return a;
    }
}
