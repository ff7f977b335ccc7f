package dev.newswire.tagger.link;

import dev.newswire.tagger.EntityType;
import dev.newswire.tagger.gazetteer.Gazetteer;
import dev.newswire.tagger.gazetteer.KnownEntity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The people pass: the longest name comes first and shorter mentions join the person whose name they start
 * or end ("Putin" → Vladimir Putin, "Kim" → Kim Jong Un, never "Kim Yo Jong" into "Kim Jong Un"); then a
 * mention the tagger typed otherwise that repeats part of a person's name ("Putin" tagged a place once) is
 * that person, unless the gazetteer knows the words as a place, organisation or nationality.
 */
final class PersonResolver {

    private final Gazetteer gazetteer;

    PersonResolver(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    /** Resolves the people among {@code mentions} into {@code clusters}; returns the other mentions. */
    List<RawMention> resolve(List<RawMention> mentions, Clusters clusters) {
        List<RawMention> people = new ArrayList<>();
        for (RawMention m : mentions) {
            if (m.type() == EntityType.PERSON) {
                people.add(m);
            }
        }
        // Longest names first, so "Vladimir Putin" exists before "Putin" looks for it.
        people.sort(Comparator.comparingInt((RawMention m) -> -m.words().length).thenComparingInt(RawMention::start));
        List<Cluster> persons = new ArrayList<>();
        for (RawMention m : people) {
            Cluster target = null;
            for (Cluster c : persons) {
                if (isNamePart(m.words(), c.nameWords)) {
                    target = c;
                    break;
                }
            }
            if (target == null) {
                KnownEntity known = gazetteer.known(m.text());
                String name = known != null ? known.name() : m.text();
                target = clusters.newPerson(name, known != null && known.wikidata() != null ? "wikidata:" + known.wikidata() : null);
                persons.add(target);
            }
            target.add(m);
        }
        return joinNamePartsToPeople(mentions, persons);
    }

    private List<RawMention> joinNamePartsToPeople(List<RawMention> mentions, List<Cluster> persons) {
        List<RawMention> rest = new ArrayList<>(mentions.size());
        for (RawMention m : mentions) {
            if (m.type() == EntityType.PERSON) {
                continue;
            }
            Cluster person = null;
            if (!gazetteer.isPlaceName(m.text()) && gazetteer.known(m.text()) == null
                    && gazetteer.countryByDemonym(m.text()) == null) {
                for (Cluster c : persons) {
                    if (c.nameWords.length > m.words().length && isNamePart(m.words(), c.nameWords)) {
                        person = c;
                        break;
                    }
                }
            }
            if (person != null) {
                person.add(m.withType(EntityType.PERSON));
            } else {
                rest.add(m);
            }
        }
        return rest;
    }

    /** "Putin" is part of "Vladimir Putin": a contiguous run of its words that starts or ends it. */
    static boolean isNamePart(String[] words, String[] name) {
        if (words.length > name.length) {
            return false;
        }
        return matchesAt(words, name, 0) || matchesAt(words, name, name.length - words.length);
    }

    static boolean matchesAt(String[] words, String[] name, int offset) {
        for (int i = 0; i < words.length; i++) {
            if (!Gazetteer.key(words[i]).equals(Gazetteer.key(name[offset + i]))) {
                return false;
            }
        }
        return true;
    }
}
