package dev.newswire.tagger;

/** The kinds of entity the tagger recognises. */
public enum EntityType {
    PERSON, LOCATION, ORGANIZATION, MISC
}
