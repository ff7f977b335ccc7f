package dev.newswire.tagger.ner;

import dev.newswire.tagger.EntityType;

/**
 * The IOB2 labels the sequence taggers predict, numbered so arrays can be indexed by them:
 * 0 = O, then B-/I- pairs for PER, LOC, ORG, MISC.
 */
public final class Label {

    /** Number of labels. */
    public static final int COUNT = 9;
    /** Outside any entity. */
    public static final int O = 0;

    private static final String[] NAMES = {"O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"};
    private static final String[] TYPES = {"PER", "LOC", "ORG", "MISC"};

    private Label() {
    }

    /** "B-PER", "O", ... */
    public static String name(int label) {
        return NAMES[label];
    }

    /** Parses an IOB2 label name; unknown names and "0" (a known typo in WikiGold) read as O. */
    public static int parse(String name) {
        for (int i = 0; i < NAMES.length; i++) {
            if (NAMES[i].equals(name)) {
                return i;
            }
        }
        return O;
    }

    /** Label for the beginning of an entity of a type index (0 PER, 1 LOC, 2 ORG, 3 MISC). */
    public static int begin(int type) {
        return 1 + 2 * type;
    }

    /** Label for the inside of an entity of a type index. */
    public static int inside(int type) {
        return 2 + 2 * type;
    }

    /** Type index of a non-O label, -1 for O. */
    public static int type(int label) {
        return label == O ? -1 : (label - 1) / 2;
    }

    /** True for B- labels. */
    public static boolean isBegin(int label) {
        return label != O && (label - 1) % 2 == 0;
    }

    /** CoNLL type name of a type index ("PER"). */
    public static String typeName(int type) {
        return TYPES[type];
    }

    /** Type index of a CoNLL type name ("PER" → 0), -1 if unknown. */
    public static int typeIndex(String typeName) {
        for (int i = 0; i < TYPES.length; i++) {
            if (TYPES[i].equals(typeName)) {
                return i;
            }
        }
        return -1;
    }

    /** The API entity type of a type index. */
    public static EntityType entityType(int type) {
        return switch (type) {
            case 0 -> EntityType.PERSON;
            case 1 -> EntityType.LOCATION;
            case 2 -> EntityType.ORGANIZATION;
            default -> EntityType.MISC;
        };
    }

    /** The type index of an API entity type. */
    public static int typeOf(EntityType type) {
        return switch (type) {
            case PERSON -> 0;
            case LOCATION -> 1;
            case ORGANIZATION -> 2;
            case MISC -> 3;
        };
    }
}
