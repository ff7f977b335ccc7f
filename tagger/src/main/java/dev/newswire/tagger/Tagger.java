package dev.newswire.tagger;

import dev.newswire.tagger.gazetteer.Gazetteer;
import dev.newswire.tagger.link.EntityResolver;
import dev.newswire.tagger.link.FocusFinder;
import dev.newswire.tagger.link.NameEvidence;
import dev.newswire.tagger.link.PlaceWeights;
import dev.newswire.tagger.link.ResolverData;
import dev.newswire.tagger.link.RawMention;
import dev.newswire.tagger.ner.FeatureExtractor;
import dev.newswire.tagger.ner.Label;
import dev.newswire.tagger.ner.Lexicon;
import dev.newswire.tagger.ner.NameLists;
import dev.newswire.tagger.ner.NerDocument;
import dev.newswire.tagger.ner.RuleTagger;
import dev.newswire.tagger.ner.SequenceTagger;
import dev.newswire.tagger.ner.Span;
import dev.newswire.tagger.ner.StatisticalTagger;
import dev.newswire.tagger.ner.WordClusters;
import dev.newswire.tagger.text.Sentence;
import dev.newswire.tagger.text.SentenceSplitter;
import dev.newswire.tagger.text.TitleCase;
import dev.newswire.tagger.text.Token;
import dev.newswire.tagger.text.Tokenizer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Finds people, places and organisations in text and resolves them into entities. Thread-safe; load once, reuse.
 *
 * <pre>{@code
 * Tagger tagger = Tagger.load();
 * List<Entity> entities = tagger.tag("Putin met Kim Jong Un in Pyongyang.");
 * Focus focus = tagger.focus(entities);
 * }</pre>
 *
 * <p>The steps: {@link Tokenizer} and {@link SentenceSplitter} cut the text, a {@link SequenceTagger} labels
 * every token with an IOB2 tag, and the {@link EntityResolver} groups the labelled spans into entities and
 * links them to the {@link Gazetteer}.
 */
public final class Tagger {

    private final Gazetteer gazetteer;
    private final SequenceTagger sequenceTagger;
    private final EntityResolver resolver;
    private final FocusFinder focusFinder;
    private final float minConfidence;

    private final NameEvidence evidence;
    private final PlaceWeights placeWeights;

    private Tagger(Gazetteer gazetteer, SequenceTagger sequenceTagger, NameEvidence evidence) {
        this(gazetteer, sequenceTagger, evidence, PlaceWeights.shipped());
    }

    private Tagger(Gazetteer gazetteer, SequenceTagger sequenceTagger, NameEvidence evidence, PlaceWeights placeWeights) {
        this.gazetteer = gazetteer;
        this.sequenceTagger = sequenceTagger;
        this.evidence = evidence;
        this.placeWeights = placeWeights;
        ResolverData data = ResolverData.load();
        this.resolver = new EntityResolver(gazetteer, evidence, data, placeWeights);
        this.focusFinder = new FocusFinder(gazetteer);
        this.minConfidence = data.minEntityConfidence();
    }

    /** Loads the models and gazetteers shipped on the classpath. */
    public static Tagger load() {
        // the model and the word classes read on other threads while the gazetteer loads here
        CompletableFuture<StatisticalTagger.Weights> weights = CompletableFuture.supplyAsync(StatisticalTagger::readShippedWeights);
        CompletableFuture<WordClusters> clusters = CompletableFuture.supplyAsync(WordClusters::loadShipped);
        CompletableFuture<NameLists> names = CompletableFuture.supplyAsync(NameLists::loadShipped);
        CompletableFuture<Lexicon.WordLists> wordLists = CompletableFuture.supplyAsync(Lexicon.WordLists::read);
        Gazetteer gazetteer = Gazetteer.load();
        Lexicon lexicon = Lexicon.load(gazetteer, wordLists.join());
        FeatureExtractor extractor = new FeatureExtractor(lexicon, clusters.join(), names.join());
        StatisticalTagger.Weights w = weights.join();
        return new Tagger(gazetteer, w != null ? StatisticalTagger.of(extractor, w) : new RuleTagger(gazetteer),
                new ListedNames(lexicon, names.join()));
    }

    /** The same tagger weighing the place resolver's evidence with other weights (geo-eval, geo-train). */
    public Tagger withPlaceWeights(PlaceWeights placeWeights) {
        return new Tagger(gazetteer, sequenceTagger, evidence, placeWeights);
    }

    /** A tagger with another sequence tagger (a freshly trained one, or the rule-based fallback). */
    public static Tagger withSequenceTagger(Gazetteer gazetteer, SequenceTagger sequenceTagger) {
        return new Tagger(gazetteer, sequenceTagger, new ListedNames(Lexicon.load(gazetteer), NameLists.loadShipped()));
    }

    /** What the lexicon and the name lists say about a phrase, for the resolver. */
    private record ListedNames(Lexicon lexicon, NameLists names) implements NameEvidence {
        @Override
        public boolean isListedOrganisation(String[] words) {
            return (lexicon.phraseClasses(Gazetteer.key(String.join(" ", words))) & Lexicon.KNOWN_ORG) != 0
                    || (names.categories(NameLists.phraseHash(words)) & (NameLists.ORGANISATION | NameLists.COMPANY)) != 0;
        }

        @Override
        public boolean isListedNationality(String[] words) {
            return (names.categories(NameLists.phraseHash(words)) & NameLists.NATIONALITY) != 0;
        }

        @Override
        public boolean isWellKnownName(String[] words) {
            int listed = NameLists.PERSON | NameLists.COMPANY | NameLists.ORGANISATION | NameLists.COUNTRY | NameLists.NATIONALITY;
            int known = Lexicon.COUNTRY | Lexicon.BIG_CITY | Lexicon.KNOWN_PERSON | Lexicon.KNOWN_ORG | Lexicon.DEMONYM;
            return (names.categories(NameLists.phraseHash(words)) & listed) != 0
                    || (lexicon.phraseClasses(Gazetteer.key(String.join(" ", words))) & known) != 0;
        }
    }

    /** The features the shipped model was trained with: lexicon from the gazetteer, word classes, name lists. */
    public static FeatureExtractor featureExtractor(Gazetteer gazetteer) {
        return new FeatureExtractor(Lexicon.load(gazetteer), WordClusters.loadShipped(), NameLists.loadShipped());
    }

    /** The sequence tagger in use. */
    public SequenceTagger sequenceTagger() {
        return sequenceTagger;
    }

    /** Tags the text; mention offsets refer to {@code text}. Entities come most salient first. */
    public List<Entity> tag(String text) {
        return tag(text, null);
    }

    /**
     * Tags the text of a page from {@code host} ("www.thetowntalk.com", or null when unknown): the host is
     * evidence for where the article's places are (a country-code domain). Entities come most salient first.
     */
    public List<Entity> tag(String text, String host) {
        List<Token> tokens = Tokenizer.tokenize(text);
        List<Sentence> sentences = SentenceSplitter.split(text, tokens);
        SequenceTagger.Labelling labelling = sequenceTagger.labelWithConfidence(toNerDocument(tokens, sentences));
        List<RawMention> mentions = new ArrayList<>();
        for (Span s : Span.fromLabels(labelling.labels())) {
            if (labelling.confidence()[s.start()] < minConfidence) {
                continue; // what a reader sees should be right: an entity the model hardly prefers is left out
            }
            int first = s.start();
            int last = s.end() - 1;
            while (first <= last && !hasLetterOrDigit(tokens.get(first).text())) {
                first++; // a name starts and ends with a word, never with an emoji or a stray mark
            }
            while (last >= first && !hasLetterOrDigit(tokens.get(last).text())) {
                last--;
            }
            if (first > last) {
                continue;
            }
            int start = tokens.get(first).start();
            int end = tokens.get(last).end();
            String[] words = new String[last - first + 1];
            for (int i = 0; i < words.length; i++) {
                words[i] = tokens.get(first + i).text();
            }
            mentions.add(new RawMention(Label.entityType(s.type()), first, last + 1, start, end,
                    text.substring(start, end), words));
        }
        return resolver.resolve(text, tokens, mentions, host);
    }

    private static boolean hasLetterOrDigit(String token) {
        for (int i = 0; i < token.length(); i++) {
            if (Character.isLetterOrDigit(token.codePointAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** The countries and cities the tagged article is about. */
    public Focus focus(List<Entity> entities) {
        return focusFinder.focus(entities);
    }

    /** Labels already tokenized sentences (the CoNLL commands); one IOB2 label index per token. */
    public int[] labelTokens(NerDocument doc) {
        return sequenceTagger.label(doc);
    }

    /** A place linker over this tagger's gazetteer with its place weights (geo-train). */
    public dev.newswire.tagger.link.PlaceLinker placeLinker() {
        return new dev.newswire.tagger.link.PlaceLinker(gazetteer, placeWeights);
    }

    /** The gazetteer behind the linker. */
    public Gazetteer gazetteer() {
        return gazetteer;
    }

    private static NerDocument toNerDocument(List<Token> tokens, List<Sentence> sentences) {
        String[] words = TitleCase.wordsForTagging(tokens, sentences);
        int[] starts = sentences.stream().mapToInt(Sentence::start).toArray();
        return new NerDocument(words, starts.length == 0 ? new int[]{0} : Arrays.copyOf(starts, starts.length));
    }
}
