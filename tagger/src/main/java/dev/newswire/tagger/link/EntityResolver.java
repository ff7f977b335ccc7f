package dev.newswire.tagger.link;

import dev.newswire.tagger.Entity;
import dev.newswire.tagger.EntityType;
import dev.newswire.tagger.gazetteer.Gazetteer;
import dev.newswire.tagger.text.Token;

import java.util.List;
import java.util.Set;

/**
 * Turns typed mentions into entities: one per real-world thing in the document, with a canonical name, all
 * its mentions, a salience and ids where known. The passes, in order, each a class of its own:
 * <ol>
 *   <li>{@link MentionTrimmer}: cut determiners, trailing words and acronyms off a mention's edges;</li>
 *   <li>{@link TypeCorrector}: ordinary words out, types the tables are sure of, then one type per name;</li>
 *   <li>{@link NestedPlaces}: a place named inside an organisation's name is a place mention too;</li>
 *   <li>{@link PersonResolver}: people, longest name first; name parts join their person;</li>
 *   <li>{@link PlaceResolver}: places linked to the gazetteer, one entity per place;</li>
 *   <li>{@link OtherResolver}: organisations by known name, acronym or name; nationalities by country;</li>
 *   <li>{@link NameRecall}: capitalised repeats of resolved names the tagger missed;</li>
 *   <li>{@link EntityAssembler}: entities with salience and attributes, most salient first;</li>
 *   <li>{@link ApproximatePositions}: places the tables do not know placed at the article's nearest town.</li>
 * </ol>
 * Their word lists and numbers are data ({@link ResolverData}).
 */
public final class EntityResolver {

    private final MentionTrimmer trimmer;
    private final TypeCorrector typeCorrector;
    private final NestedPlaces nestedPlaces;
    private final PersonResolver people;
    private final PlaceResolver places;
    private final OtherResolver others;
    private final NameRecall recall;
    private final EntityAssembler assembler;
    private final ApproximatePositions approximatePositions;

    /** A resolver over this gazetteer alone, without the name lists' evidence. */
    public EntityResolver(Gazetteer gazetteer) {
        this(gazetteer, NameEvidence.NONE, ResolverData.load());
    }

    /** A resolver over this gazetteer, asking {@code evidence} about names the gazetteer does not know. */
    public EntityResolver(Gazetteer gazetteer, NameEvidence evidence, ResolverData data) {
        this(gazetteer, evidence, data, PlaceWeights.shipped());
    }

    /** The same, weighing the place resolver's evidence with {@code placeWeights}. */
    public EntityResolver(Gazetteer gazetteer, NameEvidence evidence, ResolverData data, PlaceWeights placeWeights) {
        Nationalities nationalities = new Nationalities(gazetteer, evidence);
        this.trimmer = new MentionTrimmer(gazetteer, data);
        this.places = new PlaceResolver(gazetteer, nationalities, data, placeWeights);
        WellKnownPlaces wellKnownPlaces = new WellKnownPlaces(gazetteer, places.linker(), data.wellKnownPlacePopulation());
        this.typeCorrector = new TypeCorrector(gazetteer, nationalities, evidence, data.productNouns(), wellKnownPlaces);
        this.nestedPlaces = new NestedPlaces(gazetteer, wellKnownPlaces);
        this.people = new PersonResolver(gazetteer);
        this.others = new OtherResolver(gazetteer, nationalities, data);
        this.recall = new NameRecall(data);
        this.assembler = new EntityAssembler(data, gazetteer);
        this.approximatePositions = new ApproximatePositions(data.wideAreaWords());
    }

    /** Resolves the mentions of {@code text} (tokens as tokenized) into entities, most salient first. */
    public List<Entity> resolve(String text, List<Token> tokens, List<RawMention> mentions) {
        return resolve(text, tokens, mentions, null);
    }

    /**
     * Resolves the mentions of {@code text}, a page of {@code host} ("www.thetowntalk.com", or null): the
     * host's country is evidence for where its places are.
     */
    public List<Entity> resolve(String text, List<Token> tokens, List<RawMention> mentions, String host) {
        List<RawMention> typed = nestedPlaces.add(typeCorrector.correct(trimmer.trim(text, tokens, mentions), tokens), tokens);
        Clusters clusters = new Clusters();
        List<RawMention> rest = places.withRegionAbbreviations(text, tokens, people.resolve(typed, clusters));
        Set<String> articleCountries = places.countriesNamed(rest);
        java.util.Map<RawMention, dev.newswire.tagger.gazetteer.Place> readings = places.link(rest, tokens, articleCountries, host);
        for (RawMention m : rest) {
            if (m.type() == EntityType.LOCATION) {
                places.resolve(m, readings.get(m), tokens, articleCountries, clusters);
            } else {
                others.resolve(m, clusters);
            }
        }
        recall.recall(tokens, clusters);
        return approximatePositions.add(assembler.entities(text, clusters));
    }
}
