package dev.newswire.tagger.link;

import dev.newswire.tagger.EntityType;
import dev.newswire.tagger.gazetteer.Country;
import dev.newswire.tagger.gazetteer.Place;

import java.util.ArrayList;
import java.util.List;

/** The mentions gathered for one entity while resolving, with what is known about it. */
final class Cluster {

    final EntityType type;
    final String name;
    final String[] nameWords;
    final String id;
    /** The linked place, for places. */
    Place place;
    /** The country a nationality word refers to ("North Korean"), for nationalities. */
    Country nationalityOf;
    /** Mentions where a capital stands for its government ("Pyongyang denies"). */
    int governmentMentions;
    final List<RawMention> mentions = new ArrayList<>();

    Cluster(EntityType type, String name, String id) {
        this.type = type;
        this.name = name;
        this.nameWords = name.split(" ");
        this.id = id;
    }

    void add(RawMention m) {
        mentions.add(m);
    }
}
