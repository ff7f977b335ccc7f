package dev.newswire.tagger;

import dev.newswire.tagger.gazetteer.Gazetteer;
import dev.newswire.tagger.link.EntityResolver;
import dev.newswire.tagger.link.FocusFinder;
import dev.newswire.tagger.link.RawMention;
import dev.newswire.tagger.ner.FeatureExtractor;
import dev.newswire.tagger.ner.Lexicon;
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

    /** Classpath location of the word clusters the model's features read. */
    public static final String CLUSTERS_RESOURCE = "/dev/newswire/tagger/model/clusters.tsv.gz";

    private final Gazetteer gazetteer;
    private final SequenceTagger sequenceTagger;
    private final EntityResolver resolver;
    private final FocusFinder focusFinder;

    private Tagger(Gazetteer gazetteer, SequenceTagger sequenceTagger) {
        this.gazetteer = gazetteer;
        this.sequenceTagger = sequenceTagger;
        this.resolver = new EntityResolver(gazetteer);
        this.focusFinder = new FocusFinder(gazetteer);
    }

    /** Loads the models and gazetteers shipped on the classpath. */
    public static Tagger load() {
        // the model and the word classes read on other threads while the gazetteer loads here
        CompletableFuture<StatisticalTagger.Weights> weights = CompletableFuture.supplyAsync(StatisticalTagger::readShippedWeights);
        CompletableFuture<WordClusters> clusters = CompletableFuture.supplyAsync(() -> WordClusters.loadResource(CLUSTERS_RESOURCE));
        CompletableFuture<Lexicon.WordLists> wordLists = CompletableFuture.supplyAsync(Lexicon.WordLists::read);
        Gazetteer gazetteer = Gazetteer.load();
        FeatureExtractor extractor = new FeatureExtractor(Lexicon.load(gazetteer, wordLists.join()), clusters.join());
        StatisticalTagger.Weights w = weights.join();
        return new Tagger(gazetteer, w != null ? StatisticalTagger.of(extractor, w) : new RuleTagger(gazetteer));
    }

    /** A tagger with another sequence tagger (a freshly trained one, or the rule-based fallback). */
    public static Tagger withSequenceTagger(Gazetteer gazetteer, SequenceTagger sequenceTagger) {
        return new Tagger(gazetteer, sequenceTagger);
    }

    /** The features the shipped model was trained with: lexicon from the gazetteer plus word clusters. */
    public static FeatureExtractor featureExtractor(Gazetteer gazetteer) {
        return new FeatureExtractor(Lexicon.load(gazetteer), WordClusters.loadResource(CLUSTERS_RESOURCE));
    }

    /** The sequence tagger in use. */
    public SequenceTagger sequenceTagger() {
        return sequenceTagger;
    }

    /** Tags the text; mention offsets refer to {@code text}. Entities come most salient first. */
    public List<Entity> tag(String text) {
        List<Token> tokens = Tokenizer.tokenize(text);
        List<Sentence> sentences = SentenceSplitter.split(text, tokens);
        int[] labels = sequenceTagger.label(toNerDocument(tokens, sentences));
        List<RawMention> mentions = new ArrayList<>();
        for (Span s : Span.fromLabels(labels)) {
            int start = tokens.get(s.start()).start();
            int end = tokens.get(s.end() - 1).end();
            String[] words = new String[s.end() - s.start()];
            for (int i = 0; i < words.length; i++) {
                words[i] = tokens.get(s.start() + i).text();
            }
            mentions.add(new RawMention(s.type(), s.start(), s.end(), start, end, text.substring(start, end), words));
        }
        return resolver.resolve(text, tokens, mentions);
    }

    /** The countries and cities the tagged article is about. */
    public Focus focus(List<Entity> entities) {
        return focusFinder.focus(entities);
    }

    /** Labels already tokenized sentences (the CoNLL commands); one IOB2 label index per token. */
    public int[] labelTokens(NerDocument doc) {
        return sequenceTagger.label(doc);
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
