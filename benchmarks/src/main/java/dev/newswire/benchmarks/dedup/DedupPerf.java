package dev.newswire.benchmarks.dedup;

import dev.newswire.shareddata.SharedData;
import dev.newswire.dedup.DedupSettings;
import dev.newswire.dedup.InMemorySketchStore;
import dev.newswire.dedup.Sketch;
import dev.newswire.dedup.StoryAssigner;
import dev.newswire.dedup.StoryDecision;
import dev.newswire.dedup.eval.LabelledPairs;
import dev.newswire.dedup.eval.StoryCorpus;
import dev.newswire.dedup.eval.Variants;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
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

/**
 * The cost of story assignment per article, on the dev set's real texts (787 stories of at least 100 words):
 * <ul>
 *   <li>{@code sketch}: normalise, shingle, MinHash one article;</li>
 *   <li>{@code assignCopy}: the whole decision for a copy arriving at an index that already holds every story
 *       (sketch, 40 bucket look-ups, candidate comparisons, remembering it);</li>
 *   <li>{@code assignNewStory}: the same for a story the index has not seen (the common case).</li>
 * </ul>
 * Run: {@code java -jar benchmarks/target/benchmarks.jar DedupPerf} from the project root (the dev set is read from
 * the shared directory beside the project, {@link SharedData}: {@code -Dnewswire.shared=DIR} or {@code NEWSWIRE_SHARED}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DedupPerf {

    private final DedupSettings settings = DedupSettings.DEFAULTS;
    private List<String> originals;
    private List<String> copies;
    private StoryAssigner warmIndex;
    private StoryAssigner emptyIndex;
    private int next;
    private long clock;

    @Setup(Level.Trial)
    public void load() throws Exception {
        Path gt = SharedData.require("datasets/extraction-dev/ground-truth.json");
        List<StoryCorpus.Story> stories = LabelledPairs.eligible(StoryCorpus.load(gt));
        originals = stories.stream().map(StoryCorpus.Story::text).toList();
        Random random = new Random(42);
        copies = new ArrayList<>();
        for (String text : originals) {
            copies.add(Variants.copy(text, Variants.Kind.RETEMPLATED_SHORTENED, random));
        }
    }

    @Setup(Level.Iteration)
    public void fillIndex() {
        warmIndex = new StoryAssigner(settings, new InMemorySketchStore());
        for (int i = 0; i < originals.size(); i++) {
            warmIndex.assign("original-" + i, originals.get(i), 0);
        }
        emptyIndex = new StoryAssigner(settings, new InMemorySketchStore());
        next = 0;
        clock = 1;
    }

    @Benchmark
    public Sketch sketch() {
        return Sketch.of(originals.get(next++ % originals.size()), settings);
    }

    @Benchmark
    public StoryDecision assignCopy() {
        int i = next++;
        return warmIndex.assign("copy-" + i, copies.get(i % copies.size()), clock++);
    }

    @Benchmark
    public StoryDecision assignNewStory() {
        int i = next++;
        // A fresh index per pass over the corpus, so every article is new to it.
        if (i % originals.size() == 0) {
            emptyIndex = new StoryAssigner(settings, new InMemorySketchStore());
        }
        return emptyIndex.assign("story-" + i, originals.get(i % originals.size()), clock++);
    }
}
