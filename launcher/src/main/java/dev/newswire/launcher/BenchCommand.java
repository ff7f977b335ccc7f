package dev.newswire.launcher;

import dev.newswire.embedded.Directories;
import dev.newswire.embedded.EmbeddedDatabase;
import dev.newswire.embedded.EmbeddedKafka;
import dev.newswire.enrich.EnrichApp;
import dev.newswire.enrich.EnrichConfig;
import dev.newswire.enrich.StepTimes;
import dev.newswire.extract.ExtractionResult;
import dev.newswire.extract.Extractor;
import dev.newswire.extract.UndecodableContentException;
import dev.newswire.ingest.KeyedPage;
import dev.newswire.ingest.PagePublisher;
import dev.newswire.model.Article;
import dev.newswire.model.CommonConfig;
import dev.newswire.model.CommonOptions;
import dev.newswire.model.Keys;
import dev.newswire.model.RawPage;
import dev.newswire.model.Serdes;
import dev.newswire.model.TopicAdmin;
import dev.newswire.model.Topics;
import dev.newswire.shareddata.SharedData;
import dev.newswire.sink.SinkApp;
import dev.newswire.sink.SinkConfig;
import dev.newswire.tagger.Tagger;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newswire.model.Json;
import org.apache.kafka.common.TopicPartition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code newswire bench}: the pipeline's stages measured one by one in one process, next to its parts alone, so
 * overhead is a ratio: (0) the extractor and the tagger alone on the pages; (a) enrich draining a pre-loaded
 * {@code news.raw} with one stream thread, CPU per page split by step; (b) the sink alone draining the
 * {@code news.articles} that (a) wrote; (c) the whole-pipeline soak ({@link SoakCommand}). Everything embedded,
 * in a temporary directory deleted at the end.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark: the extractor and tagger alone, enrich alone (one stream thread, CPU per page by step), "
                + "the sink alone, and the whole-pipeline soak, on the same pages in one process; prints them side by side.")
public final class BenchCommand implements Callable<Integer> {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Mixin
    CommonOptions options;

    @Option(names = "--pages", paramLabel = "DIR",
            description = "HTML pages (.html, .html.gz); default: the extraction dev set (datasets/extraction-dev/html of the shared data).")
    Path pagesDir;

    @Option(names = "--count", defaultValue = "0", description = "Use the first N pages, cycled when more than there are (default: all).")
    int count;

    @Option(names = "--warmup", defaultValue = "150", description = "Pages processed before the clocks start (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--sink-articles", defaultValue = "6000",
            description = "Articles the sink stage stores: enrich's output, copied under new ids up to this count (default: ${DEFAULT-VALUE}).")
    int sinkArticles;

    @Option(names = "--scale-out", split = ",", paramLabel = "N",
            description = "After the sink stage, enrich again with N instances (one stream thread each, in this JVM, one application id) "
                    + "sharing news.raw's partitions, for each N given, e.g. 1,2,3 (default: none).")
    List<Integer> scaleOut = new ArrayList<>();

    @Option(names = "--soak-rate", defaultValue = "100", description = "Pages per second of the soak (default: ${DEFAULT-VALUE}).")
    double soakRate;

    @Option(names = "--soak-duration", defaultValue = "60", description = "Seconds of the soak; 0 leaves it out (default: ${DEFAULT-VALUE}).")
    int soakDuration;

    @Override
    public Integer call() throws Exception {
        String loadBefore = loadAverage();
        List<byte[]> all = SoakCommand.loadPages(pagesDir != null ? pagesDir : SharedData.require("datasets/extraction-dev/html"));
        int n = count > 0 ? count : all.size();
        List<byte[]> pages = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            pages.add(all.get(i % all.size()));
        }
        if (warmup >= n) {
            throw new IllegalArgumentException("--warmup " + warmup + " must be below the page count " + n);
        }
        System.err.printf("bench: %d pages (%d warm-up), load average %s%n", n, warmup, loadBefore);
        Parts parts = parts(pages);
        System.err.printf("bench: parts alone %.2f + %.2f CPU ms/page%n", parts.extractMs, parts.tagMs);
        Path dir = Directories.createTemporary("newswire-bench");
        Stage enrich;
        Stage sink;
        Map<Integer, Stage> scaled = new java.util.LinkedHashMap<>();
        try {
            try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0);
                 EmbeddedDatabase db = EmbeddedDatabase.start(dir.resolve("postgres"), 0)) {
                Map<String, String> settings = new HashMap<>(options.settings());
                settings.put(CommonConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers());
                settings.put(SinkConfig.JDBC_URL, db.jdbcUrl());
                settings.put(EnrichConfig.THREADS, "1");
                settings.put(EnrichConfig.STATE_DIR, dir.resolve("streams").toString());
                CommonConfig common = new CommonConfig(settings);
                TopicAdmin.ensureTopics(common);
                preload(common, pages, "page");
                enrich = enrich(settings, common, n, 1, dir.resolve("streams-1"), null);
                System.err.printf("bench: enrich %d pages in %.1f s: %.1f pages/s, stream thread %.2f CPU ms/page, steps %s; load average %s%n",
                        enrich.items(), enrich.seconds(), enrich.perSecond(), enrich.threadCpuPerItem(), enrich.steps(), loadAverage());
                sink = sink(settings);
                System.err.printf("bench: sink %d articles in %.2f s: %.1f articles/s, %.0f rows/s; load average %s%n",
                        sink.items(), sink.seconds(), sink.perSecond(), sink.rows() / sink.seconds(), loadAverage());
                for (int instances : scaleOut) {
                    Stage s = enrich(settings, common, n, instances, dir.resolve("streams-scale-" + instances), pages);
                    scaled.put(instances, s);
                    System.err.printf("bench: enrich with %d instance(s): %.1f pages/s, %.2f stream-thread CPU ms/page; load average %s%n",
                            instances, s.perSecond(), s.threadCpuPerItem(), loadAverage());
                }
            }
            SoakCommand.Result soak = null;
            if (soakDuration > 0) {
                soak = SoakCommand.run(options.settings(), pages,
                        new SoakCommand.Plan(soakRate, soakDuration, 1_000_000, 120, 20), dir.resolve("soak"));
            }
            print(n, parts, enrich, sink, soak, loadBefore, loadAverage());
            scaled.forEach((k, st) -> System.out.printf("  scale-out: %d enrich instance(s) on %d news.raw partitions: %.1f pages/s (%.2f × one instance), "
                            + "%.2f stream-thread CPU ms/page, whole JVM %.2f CPU ms/page%n", k, new CommonConfig(options.settings()).getInt(CommonConfig.TOPICS_PARTITIONS),
                    st.perSecond(), st.perSecond() / enrich.perSecond(), st.threadCpuPerItem(), st.processCpuMs() / st.items()));
            return 0;
        } finally {
            Directories.delete(dir);
        }
    }

    /** CPU milliseconds per page of the extractor and the tagger alone, one thread, after a warm-up pass. */
    record Parts(double extractMs, double tagMs, int tokens) {
        double pagesPerCpuSecond() {
            return 1000 / (extractMs + tagMs);
        }
    }

    private Parts parts(List<byte[]> pages) {
        Extractor extractor = Extractor.create();
        Tagger tagger = Tagger.load();
        // warm-up: every page once, then the measured pass over the pages after the first --warmup
        for (int i = 0; i < pages.size(); i++) {
            extractAndTag(extractor, tagger, pages.get(i), i, null);
        }
        long[] cpu = new long[2];
        for (int i = warmup; i < pages.size(); i++) {
            extractAndTag(extractor, tagger, pages.get(i), i, cpu);
        }
        int measured = pages.size() - warmup;
        return new Parts(cpu[0] / 1e6 / measured, cpu[1] / 1e6 / measured, 0);
    }

    private static void extractAndTag(Extractor extractor, Tagger tagger, byte[] page, int i, long[] cpu) {
        String url = "https://bench.example/page/" + i;
        long t0 = THREADS.getCurrentThreadCpuTime();
        ExtractionResult r;
        try {
            r = extractor.extract(page, "text/html", url);
        } catch (UndecodableContentException e) {
            return;
        }
        String text = String.join("\n\n", r.paragraphs());
        long t1 = THREADS.getCurrentThreadCpuTime();
        if (!text.isEmpty()) {
            tagger.tag(text, Keys.host(url));
        }
        long t2 = THREADS.getCurrentThreadCpuTime();
        if (cpu != null) {
            cpu[0] += t1 - t0;
            cpu[1] += t2 - t1;
        }
    }

    private static void preload(CommonConfig common, List<byte[]> pages, String path) throws Exception {
        long t0 = System.nanoTime();
        try (PagePublisher publisher = new PagePublisher(common.kafkaClientProps())) {
            List<CompletableFuture<?>> sent = new ArrayList<>();
            for (int i = 0; i < pages.size(); i++) {
                RawPage page = RawPage.of("https://bench.example/" + path + "/" + i, Instant.now(), 200,
                        Map.of("content-type", "text/html"), pages.get(i), "bench");
                sent.add(publisher.publish(KeyedPage.of(page)));
            }
            publisher.flush();
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
        }
        System.err.printf("bench: %d pages pre-loaded into %s in %.1f s%n", pages.size(), Topics.RAW, (System.nanoTime() - t0) / 1e9);
    }

    /**
     * One stage's steady state: between the moment the warm-up count was reached and the end.
     *
     * @param items      items (pages, articles) done in the measured span
     * @param seconds    wall seconds of the measured span
     * @param threadCpuMs CPU ms of the stage's own thread in the span
     * @param processCpuMs CPU ms of the whole JVM in the span (broker included)
     * @param steps      enrich's CPU by step in the span (null for the sink)
     * @param rows       database rows written in the span (sink only)
     */
    record Stage(long items, double seconds, double threadCpuMs, double processCpuMs, StepTimes.Snapshot steps, long rows,
                 long gcMillis, long jitMillis) {
        double perSecond() {
            return items / seconds;
        }

        double threadCpuPerItem() {
            return threadCpuMs / items;
        }
    }

    /**
     * Starts {@code instances} enrich applications (one stream thread each, one application id new to news.raw) on the
     * pre-loaded news.raw and waits until every page is out (in news.articles or news.dlq).
     */
    private Stage enrich(Map<String, String> base, CommonConfig common, int total, int instances, Path stateDir,
                         List<byte[]> pagesAfterStart) throws Exception {
        Map<String, Object> props = new HashMap<>(common.kafkaClientProps());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Topics.MAX_MESSAGE_BYTES);
        Mark start = null;
        Mark end = null;
        List<EnrichApp> apps = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> out = new KafkaConsumer<>(props, Serdes.key().deserializer(), Serdes.bytes().deserializer())) {
            List<TopicPartition> tps = new ArrayList<>();
            for (String topic : List.of(Topics.ARTICLES, Topics.DLQ)) {
                out.partitionsFor(topic).forEach(p -> tps.add(new TopicPartition(topic, p.partition())));
            }
            out.assign(tps);
            // count only what this run writes
            out.seekToEnd(tps);
            tps.forEach(out::position);
            String applicationId = "newswire-bench-enrich-" + instances;
            if (pagesAfterStart != null) {
                // a new application id would start from the beginning of news.raw and news.enriched and handle every
                // earlier run's pages again, ending the measured span early (the output count is reached on old
                // pages): start at their ends instead, so that exactly the pages loaded below are measured
                startAtEnd(common, applicationId);
            }
            StepTimes.enable();
            for (int i = 0; i < instances; i++) {
                Map<String, String> settings = new HashMap<>(base);
                settings.put(EnrichConfig.APPLICATION_ID, applicationId);
                settings.put(EnrichConfig.STATE_DIR, stateDir.resolve("instance-" + i).toString());
                apps.add(EnrichApp.start(new EnrichConfig(settings)));
            }
            if (pagesAfterStart != null) {
                // several instances: all running and done rebalancing before the pages come, so that the measured
                // span is the instances sharing the partitions, not one of them working while the others join
                long stableSince = System.nanoTime();
                long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                while (System.nanoTime() - stableSince < TimeUnit.SECONDS.toNanos(5) && System.nanoTime() < giveUp) {
                    Thread.sleep(200);
                    if (apps.stream().anyMatch(a -> a.state() != org.apache.kafka.streams.KafkaStreams.State.RUNNING)) {
                        stableSince = System.nanoTime();
                    }
                }
                preload(common, pagesAfterStart, "scale-" + instances);
            }
            long seen = 0;
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(30);
            long nextReport = System.nanoTime() + 10_000_000_000L;
            while (seen < total && System.nanoTime() < deadline) {
                ConsumerRecords<String, byte[]> records = out.poll(Duration.ofMillis(100));
                seen += records.count();
                // the warm-up ends when the enrich processor has taken that many pages (the story step may trail)
                if (start == null && StepTimes.snapshot().pages() >= warmup) {
                    start = Mark.now(StepTimes.snapshot().pages(), "StreamThread");
                }
                if (System.nanoTime() > nextReport) {
                    System.err.printf("bench: enrich %d of %d%n", seen, total);
                    nextReport += 10_000_000_000L;
                }
            }
            end = Mark.now(StepTimes.snapshot().pages(), "StreamThread");
            if (seen < total) {
                throw new IllegalStateException("enrich did not finish: " + seen + " of " + total);
            }
        } finally {
            StepTimes.disable();
            for (EnrichApp app : apps) {
                app.close();
            }
        }
        return new Stage(end.items - start.items, (end.nanos - start.nanos) / 1e9, (end.threadCpu - start.threadCpu) / 1e6,
                (end.processCpu - start.processCpu) / 1e6, end.steps.minus(start.steps), 0, end.gcMillis - start.gcMillis,
                end.jitMillis - start.jitMillis);
    }

    /**
     * Commits the ends of news.raw and news.enriched as the positions of the consumer group {@code groupId} (a
     * Streams application id), so that a new application reads only what comes after.
     */
    private static void startAtEnd(CommonConfig common, String groupId) throws Exception {
        Map<String, Object> props = new HashMap<>(common.kafkaClientProps());
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(props)) {
            Map<TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest = new HashMap<>();
            // both inputs of the application: news.raw (enrich) and news.enriched (the story step)
            admin.describeTopics(List.of(Topics.RAW, Topics.ENRICHED)).allTopicNames().get().forEach((topic, d) ->
                    d.partitions().forEach(p -> latest.put(new TopicPartition(topic, p.partition()),
                            org.apache.kafka.clients.admin.OffsetSpec.latest())));
            Map<TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> ends = new HashMap<>();
            admin.listOffsets(latest).all().get().forEach((tp, info) ->
                    ends.put(tp, new org.apache.kafka.clients.consumer.OffsetAndMetadata(info.offset())));
            admin.alterConsumerGroupOffsets(groupId, ends).all().get();
        }
    }

    /** Starts the sink on the news.articles enrich wrote and waits until every article is stored. */
    private Stage sink(Map<String, String> settings) throws Exception {
        AtomicLong stored = new AtomicLong();
        AtomicLong rows = new AtomicLong();
        Mark[] marks = new Mark[2];
        long[] rowsAtStart = new long[1];
        CountDownLatch done = new CountDownLatch(1);
        long articles = copyArticles(settings, sinkArticles);
        long sinkWarmup = articles / 5;
        try (SinkApp sink = SinkApp.start(new SinkConfig(settings))) {
            // a record the store rejects is parked, not stored: it still counts as done, or the bench would wait
            java.util.function.LongConsumer counted = s -> {
                if (marks[0] == null && s >= sinkWarmup) {
                    marks[0] = Mark.now(s, "newswire-sink");
                    rowsAtStart[0] = rows.get();
                }
                if (s >= articles) {
                    marks[1] = Mark.now(s, "newswire-sink");
                    done.countDown();
                }
            };
            sink.onStored(a -> {
                rows.addAndGet(rowsOf(a));
                counted.accept(stored.incrementAndGet());
            });
            sink.onDeadLettered(reason -> {
                System.err.println("bench: the sink dead-lettered an article (" + reason + ")");
                counted.accept(stored.incrementAndGet());
            });
            if (!done.await(30, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the sink did not finish: " + stored.get() + " of " + articles);
            }
        }
        Mark start = marks[0];
        Mark end = marks[1];
        return new Stage(end.items - start.items, (end.nanos - start.nanos) / 1e9, (end.threadCpu - start.threadCpu) / 1e6,
                (end.processCpu - start.processCpu) / 1e6, null, rows.get() - rowsAtStart[0], end.gcMillis - start.gcMillis,
                end.jitMillis - start.jitMillis);
    }

    private static long rowsOf(Article a) {
        long r = 1;
        for (Article.Entity e : a.entities()) {
            r += 1 + e.mentions().size();
        }
        return r;
    }

    /**
     * Reads what enrich wrote to news.articles and writes copies under new ids (and URLs) until the topic holds
     * {@code target} articles, so the sink has enough to reach a steady state.
     *
     * @return how many articles news.articles holds now
     */
    private static long copyArticles(Map<String, String> settings, int target) throws Exception {
        Map<String, Object> client = new CommonConfig(settings).kafkaClientProps();
        Map<String, Object> props = new HashMap<>(client);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Topics.MAX_MESSAGE_BYTES);
        List<byte[]> originals = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(props, Serdes.key().deserializer(), Serdes.bytes().deserializer())) {
            List<TopicPartition> tps = new ArrayList<>();
            c.partitionsFor(Topics.ARTICLES).forEach(p -> tps.add(new TopicPartition(Topics.ARTICLES, p.partition())));
            c.assign(tps);
            c.seekToBeginning(tps);
            int empty = 0;
            while (empty < 10) {
                ConsumerRecords<String, byte[]> got = c.poll(Duration.ofMillis(200));
                got.forEach(r -> originals.add(r.value()));
                empty = got.isEmpty() ? empty + 1 : 0;
            }
        }
        Map<String, Object> pp = new HashMap<>(client);
        pp.put(ProducerConfig.ACKS_CONFIG, "all");
        pp.put(ProducerConfig.BATCH_SIZE_CONFIG, 1024 * 1024);
        pp.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        pp.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
        pp.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topics.MAX_MESSAGE_BYTES);
        long total = originals.size();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(pp, Serdes.key().serializer(), Serdes.bytes().serializer())) {
            for (int copy = 1; total < target && !originals.isEmpty(); copy++) {
                for (byte[] original : originals) {
                    if (total >= target) {
                        break;
                    }
                    ObjectNode a = (ObjectNode) Json.readTree(original);
                    String url = "https://bench.example/copy/" + copy + "/" + a.path("id").asText();
                    String id = Keys.articleId(url);
                    a.put("id", id);
                    a.put("url", url);
                    a.put("canonicalUrl", url);
                    a.put("storyId", id);
                    a.remove("duplicateOf");
                    producer.send(new ProducerRecord<>(Topics.ARTICLES, id, Json.write(a)));
                    total++;
                }
            }
            producer.flush();
        }
        System.err.printf("bench: %d articles in %s for the sink (%d from enrich)%n", total, Topics.ARTICLES, originals.size());
        return total;
    }

    /** Clocks at one moment: wall, one thread's CPU (by name), the JVM's CPU, enrich's steps. */
    private record Mark(long items, long nanos, long threadCpu, long processCpu, StepTimes.Snapshot steps, long gcMillis,
                        long jitMillis) {
        static Mark now(long items, String threadName) {
            long cpu = 0;
            for (ThreadInfo t : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
                if (t != null && t.getThreadName().contains(threadName)) {
                    cpu += Math.max(0, THREADS.getThreadCpuTime(t.getThreadId()));
                }
            }
            long gc = 0;
            for (java.lang.management.GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) {
                gc += Math.max(0, b.getCollectionTime());
            }
            java.lang.management.CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
            return new Mark(items, System.nanoTime(), cpu, jvmCpuNanos(), StepTimes.snapshot(), gc,
                    jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0);
        }
    }

    private static long jvmCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0L;
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (Exception e) {
            return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private void print(int n, Parts parts, Stage enrich, Stage sink, SoakCommand.Result soak, String loadBefore, String loadAfter) {
        double partsMs = parts.extractMs + parts.tagMs;
        System.out.printf("Bench: %d pages, first %d as warm-up; %d cores; load average %s before, %s after%n", n, warmup,
                Runtime.getRuntime().availableProcessors(), loadBefore, loadAfter);
        System.out.println();
        System.out.println("  stage                                        per second      CPU ms/page   pages/s per CPU-second   vs the parts");
        System.out.printf("  parts alone: extractor                       —              %8.2f       %8.1f%n", parts.extractMs, 1000 / parts.extractMs);
        System.out.printf("  parts alone: tagger                          —              %8.2f       %8.1f%n", parts.tagMs, 1000 / parts.tagMs);
        System.out.printf("  parts alone: extractor + tagger              —              %8.2f       %8.1f                 1.00%n", partsMs, parts.pagesPerCpuSecond());
        double enrichCpu = enrich.threadCpuPerItem();
        System.out.printf("  (a) enrich, 1 stream thread                  %7.1f pages/s  %8.2f       %8.1f                 %.2f (CPU), %.2f (wall)%n",
                enrich.perSecond(), enrichCpu, 1000 / enrichCpu, partsMs / enrichCpu, enrich.perSecond() / parts.pagesPerCpuSecond());
        System.out.printf("      whole JVM CPU (broker included)                         %8.2f   (GC pauses %.2f ms/page, JIT %.2f ms/page)%n",
                enrich.processCpuMs / enrich.items, (double) enrich.gcMillis / enrich.items, (double) enrich.jitMillis / enrich.items);
        StepTimes.Snapshot steps = enrich.steps;
        long stepPages = Math.max(1, steps.pages());
        double stepsMs = 0;
        for (Map.Entry<StepTimes.Step, Long> e : steps.nanos().entrySet()) {
            double ms = e.getValue() / 1e6 / stepPages;
            stepsMs += ms;
            System.out.printf("        %-40s             %8.2f  (%4.1f%%)%n", e.getKey().name().toLowerCase().replace('_', '-'), ms, 100 * ms / enrichCpu);
        }
        double rest = enrichCpu - stepsMs;
        System.out.printf("        %-40s             %8.2f  (%4.1f%%)%n", "kafka: poll, produce, commit (the rest)", rest, 100 * rest / enrichCpu);
        double storyMs = (steps.nanos().get(StepTimes.Step.STORY_READ) + steps.nanos().get(StepTimes.Step.STORY)
                + steps.nanos().get(StepTimes.Step.STORY_SERIALISE)) / 1e6 / stepPages;
        System.out.printf("      one-partition story step ceiling: %.0f articles/s per CPU-second (%.2f ms/article); enrich per page without it %.2f ms%n",
                1000 / storyMs, storyMs, enrichCpu - storyMs);
        System.out.printf("  (b) sink alone                               %7.1f articles/s, %.0f rows/s; sink thread %.2f CPU ms/article%n",
                sink.perSecond(), sink.rows / sink.seconds, sink.threadCpuPerItem());
        if (soak != null) {
            System.out.printf("  (c) whole pipeline (soak at %.0f pages/s)     %7.1f pages/s  (%.2f of the parts' pages per CPU-second); "
                            + "p50 %d ms, p99 %d ms; after %d s p99 %d ms; lost %d, twice %d%n",
                    soak.plan().rate(), soak.throughput(), soak.throughput() / parts.pagesPerCpuSecond(), soak.p(50), soak.p(99),
                    soak.plan().warmupSeconds(), soak.steadyP(99), soak.lost(), soak.storedTwice());
        }
        System.out.printf("%n  measured spans: enrich %d pages in %.1f s, sink %d articles in %.2f s%n", enrich.items, enrich.seconds, sink.items, sink.seconds);
    }
}
