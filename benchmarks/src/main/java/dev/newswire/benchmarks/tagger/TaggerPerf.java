package dev.newswire.benchmarks.tagger;

import dev.newswire.shareddata.SharedData;
import dev.newswire.tagger.Entity;
import dev.newswire.tagger.Tagger;
import dev.newswire.tagger.eval.ConllFormat;
import dev.newswire.tagger.eval.LabeledDocument;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Speed of the tagger, single-threaded (so the figures are per core):
 * <ul>
 *   <li>{@code labelTokens}: the statistical NER alone (features, both passes, Viterbi) over the CoNLL-2003
 *       dev split, reported as tokens per second in the {@code tokens} counter;</li>
 *   <li>{@code tagArticle}: the whole {@code Tagger.tag} path (tokenizer, sentences, NER, coreference,
 *       linking) on the sample AP story, also as tokens per second;</li>
 *   <li>{@code load}: one cold {@code Tagger.load()} per fork iteration (single shot), with the heap the
 *       loaded tagger retains after a full GC in the {@code retainedHeapMB} counter.</li>
 * </ul>
 * Run: {@code java -jar benchmarks/target/benchmarks.jar TaggerPerf -f 1 -wi 2 -i 3}. Data comes from the
 * shared directory beside the project ({@link SharedData}: {@code -Dnewswire.shared=DIR} or {@code NEWSWIRE_SHARED}).
 */
public class TaggerPerf {


    /** A loaded tagger and the texts to tag. */
    @State(Scope.Benchmark)
    public static class Loaded {
        Tagger tagger;
        List<LabeledDocument> devDocs;
        long devTokens;
        String story;
        long storyTokens;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            tagger = Tagger.load();
            devDocs = ConllFormat.read(SharedData.require("datasets/ner/conll2003/eng.testa"), ConllFormat.Format.CONLL);
            devTokens = devDocs.stream().mapToLong(d -> d.gold().length).sum();
            String page = Files.readString(SharedData.require("samples/ap-putin-pyongyang-repost.txt"));
            story = page.substring(0, page.indexOf("Source link"));
            storyTokens = dev.newswire.tagger.text.Tokenizer.tokenize(story).size();
        }
    }

    /** Tokens processed, reported by JMH as a rate (tokens/s). */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Tokens {
        public long tokens;
    }

    /** Heap retained by a loaded tagger, reported as a plain value. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Heap {
        public long retainedHeapMB;
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Warmup(iterations = 2, time = 10)
    @Measurement(iterations = 3, time = 10)
    @Fork(value = 1, jvmArgsAppend = "-Xmx1g")
    public void labelTokens(Loaded s, Tokens counter, Blackhole bh) {
        for (LabeledDocument d : s.devDocs) {
            bh.consume(s.tagger.labelTokens(d.doc()));
        }
        counter.tokens += s.devTokens;
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Warmup(iterations = 2, time = 10)
    @Measurement(iterations = 3, time = 10)
    @Fork(value = 1, jvmArgsAppend = "-Xmx1g")
    public List<Entity> tagArticle(Loaded s, Tokens counter) {
        counter.tokens += s.storyTokens;
        return s.tagger.tag(s.story);
    }

    /** Time of one {@code Tagger.load()}; with {@code -wi 0 -i 1 -f 3} every measured load is a cold one. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    @Fork(value = 3, jvmArgsAppend = "-Xmx1g")
    public Tagger load() {
        return Tagger.load();
    }

    /**
     * Heap a loaded tagger retains (models, gazetteers, lexicons), in the {@code retainedHeapMB} counter;
     * this benchmark's time includes full GCs and is not a load time.
     */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    @Fork(value = 1, jvmArgsAppend = "-Xmx1g")
    public Tagger retainedHeap(Heap heap) {
        long before = usedAfterGc();
        Tagger tagger = Tagger.load();
        long after = usedAfterGc();
        heap.retainedHeapMB = Math.max(0, after - before) >> 20;
        return tagger;
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
