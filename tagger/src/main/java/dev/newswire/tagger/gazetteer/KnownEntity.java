package dev.newswire.tagger.gazetteer;

import dev.newswire.tagger.EntityType;

import java.util.List;

/**
 * A person or organisation with a verified knowledge-base id.
 *
 * @param type     PERSON or ORGANIZATION
 * @param name     canonical name
 * @param wikidata Wikidata id ("Q7747"), or null
 * @param aliases  other names news uses
 */
public record KnownEntity(EntityType type, String name, String wikidata, List<String> aliases) {
}
