package dev.newswire.tagger.link;

import dev.newswire.tagger.ner.Lexicon;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.Set;

/**
 * The word lists and numbers the resolver's passes read, from {@code lexicon/*.txt} and
 * {@code link/resolver.properties} on the classpath: every heuristic's words and weights are data.
 *
 * @param governmentVerbs    verbs that make a capital named before them its government ("Moscow denies")
 * @param acronymSkips       small words an acronym skips ("of", "the")
 * @param leadingDeterminers words a place or nationality mention may start with that are not part of the name
 * @param productNouns       nouns for made things a product's name stands before ("an Aurus Senat limousine")
 * @param wideAreaWords      words of a name that make an unknown place a wide area ("North Africa"), which gets no
 *                           approximate position from the article's towns
 * @param salienceMentions   weight of the share of mentions in salience
 * @param salienceEarliness  weight of how early the first mention is in salience
 * @param minRecallNameLength shortest one-word name matched again on its own
 * @param acronymMinLength   fewest letters of an acronym that joins its organisation
 * @param acronymMaxLength   most letters of such an acronym
 * @param wellKnownPlacePopulation a place at least this populous is well known enough to split
 *                           "Paris Seoul" into two
 * @param minEntityConfidence entities the statistical tagger is less sure of (score margin over leaving them out)
 *                           are not reported by {@code Tagger.tag}
 */
public record ResolverData(Set<String> governmentVerbs, Set<String> acronymSkips, Set<String> leadingDeterminers,
                           Set<String> productNouns, Set<String> wideAreaWords,
                           double salienceMentions, double salienceEarliness, int minRecallNameLength,
                           int acronymMinLength, int acronymMaxLength, long wellKnownPlacePopulation,
                           float minEntityConfidence) {

    private static final String BASE = "/dev/newswire/tagger/";

    /** Reads the shipped lists and numbers. */
    public static ResolverData load() {
        Properties p = new Properties();
        try (InputStream in = resource("link/resolver.properties")) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ResolverData(Set.copyOf(Lexicon.readWords("government-verbs.txt")),
                Set.copyOf(Lexicon.readWords("acronym-skips.txt")), Set.copyOf(Lexicon.readWords("leading-determiners.txt")),
                Set.copyOf(Lexicon.readWords("product-nouns.txt")), Set.copyOf(Lexicon.readWords("wide-area-words.txt")),
                Double.parseDouble(p.getProperty("salience.mentions")), Double.parseDouble(p.getProperty("salience.earliness")),
                Integer.parseInt(p.getProperty("recall.min.name.length")),
                Integer.parseInt(p.getProperty("acronym.min.length")), Integer.parseInt(p.getProperty("acronym.max.length")),
                Long.parseLong(p.getProperty("well.known.place.population")),
                Float.parseFloat(p.getProperty("entity.min.confidence")));
    }

    private static InputStream resource(String name) {
        InputStream in = ResolverData.class.getResourceAsStream(BASE + name);
        if (in == null) {
            throw new IllegalStateException("missing classpath resource " + BASE + name);
        }
        return in;
    }

}
