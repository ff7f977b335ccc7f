package dev.newswire.tagger.link;

import dev.newswire.tagger.EntityType;
import dev.newswire.tagger.gazetteer.Country;
import dev.newswire.tagger.gazetteer.Gazetteer;
import dev.newswire.tagger.gazetteer.KnownEntity;

/**
 * The organisations and miscellaneous names pass: a known organisation by its known name and id; an acronym
 * joins the organisation whose initials it spells ("NSC" after "National Security Council"); a shorter name
 * joins a longer one it ends ("Security Council" → UN Security Council); otherwise by name. A nationality word
 * joins the other mentions of its country's people ("North Korean", "North Koreans"), and points to the country.
 */
final class OtherResolver {

    private final Gazetteer gazetteer;
    private final Nationalities nationalities;
    private final ResolverData data;

    OtherResolver(Gazetteer gazetteer, Nationalities nationalities, ResolverData data) {
        this.gazetteer = gazetteer;
        this.nationalities = nationalities;
        this.data = data;
    }

    void resolve(RawMention m, Clusters clusters) {
        if (m.type() == EntityType.MISC && nationalities.isNationality(m)) {
            resolveNationality(m, clusters);
            return;
        }
        KnownEntity known = gazetteer.known(m.text());
        if (known != null) {
            clusters.getOrCreate(m.type(), Gazetteer.key(known.name()), () -> new Cluster(m.type(), known.name(),
                    known.wikidata() == null ? null : "wikidata:" + known.wikidata())).add(m);
            return;
        }
        Cluster c = clusters.get(m.type(), Gazetteer.key(m.text()));
        if (c == null && m.type() == EntityType.ORGANIZATION) {
            c = spelledByAcronym(m.text(), clusters);
        }
        if (c == null && m.type() == EntityType.ORGANIZATION) {
            for (Cluster other : clusters.all()) {
                if (other.type == EntityType.ORGANIZATION && m.words().length < other.nameWords.length
                        && PersonResolver.matchesAt(m.words(), other.nameWords, other.nameWords.length - m.words().length)) {
                    c = other;
                    break;
                }
            }
        }
        if (c == null) {
            c = clusters.getOrCreate(m.type(), Gazetteer.key(m.text()), () -> new Cluster(m.type(), m.text(), null));
        }
        c.add(m);
    }

    private void resolveNationality(RawMention m, Clusters clusters) {
        Country country = nationalities.country(m.text());
        String key = country != null ? "nationality:" + country.iso2() : Gazetteer.key(m.text());
        String name = country != null && !country.demonyms().isEmpty() ? country.demonyms().get(0) : m.text();
        Cluster c = clusters.getOrCreate(EntityType.MISC, key, () -> new Cluster(EntityType.MISC, name, null));
        c.nationalityOf = country;
        c.add(m);
    }

    /** "NSC" after "National Security Council": an all-capitals mention spelling an organisation's initials. */
    private Cluster spelledByAcronym(String text, Clusters clusters) {
        if (text.length() < data.acronymMinLength() || text.length() > data.acronymMaxLength()
                || !text.chars().allMatch(Character::isUpperCase)) {
            return null;
        }
        for (Cluster c : clusters.all()) {
            if (c.type == EntityType.ORGANIZATION && c.nameWords.length >= 2
                    && Acronyms.initials(c.nameWords, data.acronymSkips()).equals(text)) {
                return c;
            }
        }
        return null;
    }
}
