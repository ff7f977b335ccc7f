package dev.newswire.tagger.link;

import dev.newswire.tagger.EntityType;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The entities of one document while they are being resolved, in the order they were first found, each
 * under a typed key: a place by its id, an organisation by its name, a person by its own serial number (two
 * people may share a name's words, but never a cluster).
 */
final class Clusters {

    /** What an entity is found under: its type and a normalised name or id; {@code serial} tells people apart. */
    record Key(EntityType type, String name, int serial) {
    }

    private final Map<Key, Cluster> byKey = new LinkedHashMap<>();

    /** A new person cluster. */
    Cluster newPerson(String name, String id) {
        Cluster c = new Cluster(EntityType.PERSON, name, id);
        byKey.put(new Key(EntityType.PERSON, name, byKey.size()), c);
        return c;
    }

    /** The cluster under {@code (type, name)}, or null. */
    Cluster get(EntityType type, String name) {
        return byKey.get(new Key(type, name, 0));
    }

    /** The cluster under {@code (type, name)}, made by {@code create} if there is none. */
    Cluster getOrCreate(EntityType type, String name, Supplier<Cluster> create) {
        return byKey.computeIfAbsent(new Key(type, name, 0), k -> create.get());
    }

    /** Every cluster, first found first. */
    Collection<Cluster> all() {
        return byKey.values();
    }
}
