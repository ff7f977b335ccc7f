package dev.newswire.benchmarks.tagger;

import dev.newswire.shareddata.SharedData;
import dev.newswire.tagger.Tagger;
import dev.newswire.tagger.eval.ConllFormat;
import dev.newswire.tagger.eval.LabeledDocument;
import dev.newswire.tagger.text.Tokenizer;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;

/**
 * The tagger's speed in thread CPU time rather than wall-clock time, for a machine other work shares (JMH's
 * wall-clock rates swing by several hundred per cent there): one cold {@code Tagger.load()} (wall clock) and
 * the heap it retains, then, after warm-up, tokens per CPU-second of the statistical NER alone over the
 * CoNLL-2003 dev split and of the whole {@code tag()} path over the sample AP story.
 * Run: {@code java -cp benchmarks/target/benchmarks.jar dev.newswire.benchmarks.tagger.TaggerCpuBench}.
 */
public final class TaggerCpuBench {

    private TaggerCpuBench() {
    }

    public static void main(String[] args) throws Exception {
        Runtime rt = Runtime.getRuntime();
        gc();
        long heapBefore = rt.totalMemory() - rt.freeMemory();
        long t0 = System.nanoTime();
        Tagger tagger = Tagger.load();
        long loadMs = (System.nanoTime() - t0) / 1_000_000;
        gc();
        double retainedMb = (rt.totalMemory() - rt.freeMemory() - heapBefore) / 1048576.0;

        List<LabeledDocument> dev = ConllFormat.read(SharedData.require("datasets/ner/conll2003/eng.testa"), ConllFormat.Format.CONLL);
        long devTokens = dev.stream().mapToLong(d -> d.gold().length).sum();
        String page = Files.readString(SharedData.require("samples/ap-putin-pyongyang-repost.txt"));
        String story = page.substring(0, page.indexOf("Source link"));
        long storyTokens = Tokenizer.tokenize(story).size();

        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long sink = 0;
        for (int warm = 0; warm < 6; warm++) {
            for (LabeledDocument d : dev) {
                sink += tagger.labelTokens(d.doc()).length;
            }
        }
        long c0 = cpu.getCurrentThreadCpuTime();
        for (int pass = 0; pass < 10; pass++) {
            for (LabeledDocument d : dev) {
                sink += tagger.labelTokens(d.doc()).length;
            }
        }
        double nerSeconds = (cpu.getCurrentThreadCpuTime() - c0) / 1e9;
        for (int warm = 0; warm < 300; warm++) {
            sink += tagger.tag(story).size();
        }
        long c1 = cpu.getCurrentThreadCpuTime();
        for (int pass = 0; pass < 1000; pass++) {
            sink += tagger.tag(story).size();
        }
        double tagSeconds = (cpu.getCurrentThreadCpuTime() - c1) / 1e9;
        System.out.printf(Locale.ROOT, "load %d ms (wall clock, cold), retained heap %.1f MB%n", loadMs, retainedMb);
        System.out.printf(Locale.ROOT, "labelTokens (NER alone, eng.testa): %,.0f tokens per CPU-second%n", 10 * devTokens / nerSeconds);
        System.out.printf(Locale.ROOT, "tag() (whole path, sample story): %,.0f tokens per CPU-second, %.2f ms per story%n",
                1000 * storyTokens / tagSeconds, tagSeconds);
        System.out.printf(Locale.ROOT, "load average %.2f%s%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                sink == 42 ? " " : "");
    }

    private static void gc() throws InterruptedException {
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(50);
        }
    }
}
