package dev.newswire.enrich;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * CPU time of the calling thread spent in each step of enrich, summed over every page, for {@code newswire bench}.
 * Off by default (then {@link #now()} returns 0 and nothing is recorded, at the cost of one volatile read); the
 * benchmark switches it on. Plain Java, no Kafka.
 */
public final class StepTimes {

    /** The steps of one page's way through enrich, in order. */
    public enum Step {
        /** news.raw value → {@code RawPage} (JSON, base64 or the binary envelope). */
        READ,
        /** charset decoding, HTML parsing, main-content extraction ({@code Extractor.extract}). */
        EXTRACT,
        /** named entities ({@code Tagger.tag}). */
        TAG,
        /** the {@code Article} record: sanitising, ids, URLs. */
        ASSEMBLE,
        /** Article → JSON for news.enriched. */
        SERIALISE,
        /** news.enriched value → {@code Article} in the story step. */
        STORY_READ,
        /** story assignment (MinHash, LSH, state stores). */
        STORY,
        /** Article with its story → JSON for news.articles. */
        STORY_SERIALISE
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static volatile boolean enabled;
    private static final Map<Step, LongAdder> NANOS = new EnumMap<>(Step.class);
    private static final LongAdder PAGES = new LongAdder();

    static {
        for (Step s : Step.values()) {
            NANOS.put(s, new LongAdder());
        }
    }

    private StepTimes() {
    }

    /** Starts recording (and clears what was recorded). */
    public static void enable() {
        reset();
        enabled = true;
    }

    /** Stops recording. */
    public static void disable() {
        enabled = false;
    }

    /** Clears the sums. */
    public static void reset() {
        NANOS.values().forEach(LongAdder::reset);
        PAGES.reset();
    }

    /** The calling thread's CPU time in nanoseconds, or 0 when recording is off. */
    static long now() {
        return enabled ? THREADS.getCurrentThreadCpuTime() : 0L;
    }

    /**
     * Adds the calling thread's CPU time since {@code since} (from {@link #now()}) to {@code step}.
     *
     * @return the current CPU time, to start the next step from
     */
    static long record(Step step, long since) {
        if (!enabled) {
            return 0L;
        }
        long t = THREADS.getCurrentThreadCpuTime();
        NANOS.get(step).add(t - since);
        return t;
    }

    /** Counts one page that went through the enrich processor. */
    static void page() {
        if (enabled) {
            PAGES.increment();
        }
    }

    /** A copy of the sums: CPU nanoseconds per step, and the pages counted. */
    public static Snapshot snapshot() {
        Map<Step, Long> copy = new EnumMap<>(Step.class);
        NANOS.forEach((k, v) -> copy.put(k, v.sum()));
        return new Snapshot(copy, PAGES.sum());
    }

    /**
     * Sums at one moment.
     *
     * @param nanos CPU nanoseconds per step
     * @param pages pages counted by the enrich processor
     */
    public record Snapshot(Map<Step, Long> nanos, long pages) {

        /** What was recorded between {@code earlier} and this one. */
        public Snapshot minus(Snapshot earlier) {
            Map<Step, Long> d = new EnumMap<>(Step.class);
            nanos.forEach((k, v) -> d.put(k, v - earlier.nanos.getOrDefault(k, 0L)));
            return new Snapshot(d, pages - earlier.pages);
        }

        /** The sum over all steps. */
        public long total() {
            return nanos.values().stream().mapToLong(Long::longValue).sum();
        }
    }
}
