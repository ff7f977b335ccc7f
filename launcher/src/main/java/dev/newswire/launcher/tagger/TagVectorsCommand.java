package dev.newswire.launcher.tagger;

import dev.newswire.tagger.ner.VectorClustering;
import dev.newswire.tagger.ner.WordClusters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code tag-vectors}: derives the word-vector classes the tagger's features read from pretrained vectors
 * (GloVe 6B 100d, dumped by {@code tagger/scripts/build-word-vectors.sh}): spherical k-means at several
 * granularities, fitted on the most frequent words and then applied to every word of the vocabulary.
 * Deterministic: the same input and options write the same bytes.
 */
@Command(name = "tag-vectors", mixinStandardHelpOptions = true,
        description = "Cluster pretrained word vectors (spherical k-means) into the tagger's word-vector classes.")
public final class TagVectorsCommand implements Callable<Integer> {

    @Option(names = "--vocab", required = true, description = "words, one a line, most frequent first")
    Path vocab;

    @Option(names = "--vectors", required = true, description = "little-endian float32 rows, one per vocabulary word")
    Path vectorsFile;

    @Option(names = "--dimensions", defaultValue = "100", description = "floats per row (default: ${DEFAULT-VALUE})")
    int dimensions;

    @Option(names = "--classes", split = ",", defaultValue = "64,256,1024,4096",
            description = "class counts, coarse to fine (default: ${DEFAULT-VALUE})")
    List<Integer> classCounts;

    @Option(names = "--fit-words", defaultValue = "200000",
            description = "the centroids are fitted on this many most frequent words (default: ${DEFAULT-VALUE})")
    int fitWords;

    @Option(names = "--iterations", defaultValue = "12", description = "k-means iterations (default: ${DEFAULT-VALUE})")
    int iterations;

    @Option(names = "--seed", defaultValue = "1", description = "seed of the initial centroids (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--threads", defaultValue = "2", description = "worker threads; the output does not depend on it")
    int threads;

    @Option(names = "--output", defaultValue = "tagger/src/main/resources/dev/newswire/tagger/model/word-classes.bin.gz",
            description = "classes table to write (default: ${DEFAULT-VALUE})")
    Path output;


    @Override
    public Integer call() throws Exception {
        List<String> words = Files.readAllLines(vocab, StandardCharsets.UTF_8);
        byte[] raw = Files.readAllBytes(vectorsFile);
        if (raw.length != (long) words.size() * dimensions * Float.BYTES) {
            throw new IOException(vectorsFile + " holds " + raw.length + " bytes, expected " + words.size() + " words × "
                    + dimensions + " floats");
        }
        float[] vectors = new float[words.size() * dimensions];
        ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vectors);
        VectorClustering.normalise(vectors, dimensions);
        VectorClustering clustering = new VectorClustering(vectors, dimensions, threads);
        int fit = Math.min(fitWords, words.size());
        int[][] classes = new int[classCounts.size()][];
        for (int g = 0; g < classCounts.size(); g++) {
            long t0 = System.nanoTime();
            classes[g] = clustering.cluster(classCounts.get(g), fit, iterations, seed + g);
            System.out.printf(Locale.ROOT, "%d classes in %.1f s%n", classCounts.get(g), (System.nanoTime() - t0) / 1e9);
        }
        if (output.getParent() != null) {
            Files.createDirectories(output.getParent());
        }
        try (OutputStream out = Files.newOutputStream(output)) {
            WordClusters.write(words.toArray(String[]::new), classes, out);
        }
        System.out.printf(Locale.ROOT, "wrote %s: %d words (%d bytes)%n", output, words.size(), Files.size(output));
        return 0;
    }

}
