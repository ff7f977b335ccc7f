package dev.newswire.tagger.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newswire.tagger.eval.ConllFormat;
import dev.newswire.tagger.eval.LabeledDocument;
import dev.newswire.tagger.ner.NerDocument;
import dev.newswire.tagger.ner.WordClassInduction;
import dev.newswire.tagger.text.Sentence;
import dev.newswire.tagger.text.SentenceSplitter;
import dev.newswire.tagger.text.Token;
import dev.newswire.tagger.text.Tokenizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.zip.GZIPOutputStream;

/**
 * {@code tag-clusters}: induces the word classes the tagger's features read, from unlabelled text only:
 * the article bodies of the extraction dev set (2025–2026 web news) plus the token text of the CoNLL-2003
 * training split. Run before {@code tag-train}; the model must be retrained whenever the classes change.
 */
@Command(name = "tag-clusters", mixinStandardHelpOptions = true,
        description = "Induce word classes (exchange algorithm) for the tagger's features from unlabelled text.")
public final class TagClustersCommand implements Callable<Integer> {

    @Option(names = "--classes", split = ",", defaultValue = "64,256,1024",
            description = "class counts, coarse to fine (default: ${DEFAULT-VALUE})")
    List<Integer> classCounts;

    @Option(names = "--iterations", defaultValue = "8", description = "exchange passes per class count (default: ${DEFAULT-VALUE})")
    int iterations;

    @Option(names = "--min-count", defaultValue = "3", description = "words seen fewer times get no class (default: ${DEFAULT-VALUE})")
    int minCount;

    @Option(names = "--output", defaultValue = "tagger/src/main/resources/dev/newswire/tagger/model/clusters.tsv.gz",
            description = "classes file to write (default: ${DEFAULT-VALUE})")
    Path output;

    @Override
    public Integer call() throws IOException {
        List<String[]> sentences = new ArrayList<>();
        addArticleBodies(SharedDir.locate().resolve("datasets/extraction-dev/ground-truth.json"), sentences);
        int articleSentences = sentences.size();
        for (LabeledDocument d : ConllFormat.read(SharedDir.conll("eng.train"), ConllFormat.Format.CONLL)) {
            NerDocument doc = d.doc();
            for (int s = 0; s < doc.sentenceStarts().length; s++) {
                String[] words = new String[doc.sentenceEnd(s) - doc.sentenceStarts()[s]];
                for (int i = 0; i < words.length; i++) {
                    words[i] = doc.words()[doc.sentenceStarts()[s] + i].toLowerCase(Locale.ROOT);
                }
                sentences.add(words);
            }
        }
        long tokens = sentences.stream().mapToLong(s -> s.length).sum();
        System.out.printf(Locale.ROOT, "%d sentences (%d from articles), %d tokens%n", sentences.size(), articleSentences, tokens);
        WordClassInduction induction = WordClassInduction.fromSentences(sentences, minCount);
        System.out.printf(Locale.ROOT, "%d words with a class%n", induction.vocabularySize());
        List<int[]> assignments = new ArrayList<>();
        for (int k : classCounts) {
            long t0 = System.nanoTime();
            assignments.add(induction.induce(k, iterations, System.out));
            System.out.printf(Locale.ROOT, "  K=%d in %.1f s%n", k, (System.nanoTime() - t0) / 1e9);
        }
        if (output.getParent() != null) {
            Files.createDirectories(output.getParent());
        }
        try (OutputStream raw = Files.newOutputStream(output);
             Writer out = new OutputStreamWriter(new GZIPOutputStream(raw), StandardCharsets.UTF_8)) {
            for (int w = 0; w < induction.vocabularySize(); w++) {
                StringBuilder line = new StringBuilder(induction.word(w));
                for (int[] a : assignments) {
                    line.append('\t').append(a[w]);
                }
                out.write(line.append('\n').toString());
            }
        }
        System.out.printf("wrote %s (%d bytes)%n", output, Files.size(output));
        return 0;
    }

    private static void addArticleBodies(Path groundTruth, List<String[]> sentences) throws IOException {
        JsonNode root = new ObjectMapper().readTree(groundTruth.toFile());
        for (Iterator<JsonNode> it = root.elements(); it.hasNext(); ) {
            String body = it.next().path("articleBody").asText("");
            List<Token> tokens = Tokenizer.tokenize(body);
            for (Sentence s : SentenceSplitter.split(body, tokens)) {
                String[] words = new String[s.length()];
                for (int i = 0; i < words.length; i++) {
                    words[i] = tokens.get(s.start() + i).text().toLowerCase(Locale.ROOT);
                }
                sentences.add(words);
            }
        }
    }
}
