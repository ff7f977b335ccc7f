package dev.newswire.launcher;

import dev.newswire.embedded.Directories;
import dev.newswire.model.CommonOptions;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code newswire soak}: sustains a rate of pages through the whole embedded pipeline (HTTP ingest on loopback →
 * enrich → sink → PostgreSQL) for a while and reports throughput, end-to-end latency and heap. Bounded in count
 * and time; sends only to 127.0.0.1.
 */
@Command(name = "soak", mixinStandardHelpOptions = true,
        description = "Load test: POST pages at a steady rate through the whole embedded pipeline, then report "
                + "throughput, end-to-end latency (fetch time to stored article) p50/p99, heap, and lost/duplicated counts.")
public final class SoakCommand implements Callable<Integer> {

    @Mixin
    CommonOptions options;

    @Option(names = "--rate", defaultValue = "50", description = "Pages per second to send (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--duration", defaultValue = "180", description = "Seconds to send for (default: ${DEFAULT-VALUE}).")
    int durationSeconds;

    @Option(names = "--max-pages", defaultValue = "100000", description = "Stop after this many pages (default: ${DEFAULT-VALUE}).")
    int maxPages;

    @Option(names = "--pages", paramLabel = "DIR", description = "HTML pages to send (.html, .html.gz), cycled; default: the sample pages.")
    Path pagesDir;

    @Option(names = "--drain", defaultValue = "120", description = "Seconds to wait for the last pages to be stored (default: ${DEFAULT-VALUE}).")
    int drainSeconds;

    @Option(names = "--warmup", defaultValue = "20", description = "Seconds at the start left out of the steady-state latency line (default: ${DEFAULT-VALUE}).")
    int warmupSeconds;

    @Override
    public Integer call() throws Exception {
        List<byte[]> pages = loadPages(pagesDir);
        // Without --data-dir the soak owns a fresh data directory and deletes it at the end.
        Path ownDir = options.hasDataDir() ? null : Directories.createTemporary("newswire-soak");
        try {
            Result r = run(options.settings(), pages, new Plan(rate, durationSeconds, maxPages, drainSeconds, warmupSeconds),
                    ownDir != null ? ownDir : options.dataDir());
            r.print();
            return r.lost() == 0 && r.storedTwice() == 0 ? 0 : 1;
        } finally {
            Directories.delete(ownDir);
        }
    }

    /**
     * What to send.
     *
     * @param rate            pages per second
     * @param durationSeconds how long to send
     * @param maxPages        at most this many pages
     * @param drainSeconds    how long to wait for the last pages to be stored
     * @param warmupSeconds   pages sent in the first seconds are left out of the steady-state latency
     */
    record Plan(double rate, int durationSeconds, int maxPages, int drainSeconds, int warmupSeconds) {
    }

    /** A soak's figures. Latencies in milliseconds, fetch time to stored row; {@code steady*}: after the warm-up. */
    record Result(Plan plan, int sent, double sendSeconds, long accepted, long refused, int stored, long lost,
                  long storedTwice, double throughput, List<Long> latencies, List<Long> steadyLatencies,
                  long heapMiB, long maxHeapMiB, int minPageKb, int maxPageKb) {

        long p(int percentile) {
            return pct(latencies, percentile);
        }

        long steadyP(int percentile) {
            return pct(steadyLatencies, percentile);
        }

        void print() {
            System.out.println("Soak result");
            System.out.printf("  pages sent %d in %.1f s (target %.0f/s), accepted %d, refused %d%n", sent, sendSeconds, plan.rate(), accepted, refused);
            System.out.printf("  stored %d, lost %d, stored twice %d%n", stored, lost, storedTwice);
            System.out.printf("  throughput %.1f pages/s (stored / time from first send to last store)%n", throughput);
            System.out.printf("  end-to-end latency (fetch time to stored): p50 %d ms, p90 %d ms, p99 %d ms, max %d ms%n",
                    p(50), p(90), p(99), latencies.isEmpty() ? 0 : latencies.get(latencies.size() - 1));
            System.out.printf("  after the first %d s (%d pages): p50 %d ms, p90 %d ms, p99 %d ms%n", plan.warmupSeconds(),
                    steadyLatencies.size(), steadyP(50), steadyP(90), steadyP(99));
            System.out.printf("  heap after GC %d MiB (max %d MiB); page sizes %d–%d KB%n", heapMiB, maxHeapMiB, minPageKb, maxPageKb);
        }
    }

    /** Starts the whole embedded pipeline in {@code dataDir}, sends the pages as planned, and reports. */
    static Result run(Map<String, String> settings, List<byte[]> pages, Plan plan, Path dataDir) throws Exception {
        Map<String, String> config = new HashMap<>(settings);
        config.putIfAbsent("ingest.http.port", "0");
        Map<String, Long> fetchedAt = new ConcurrentHashMap<>();
        List<Long> latenciesMs = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Long> steadyMs = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicLong storedTwice = new AtomicLong();
        java.util.Set<String> stored = ConcurrentHashMap.newKeySet();
        AtomicLong steadyFrom = new AtomicLong(Long.MAX_VALUE);
        try (Pipeline pipeline = Pipeline.start(config, dataDir, false)) {
            pipeline.sink().onStored(a -> {
                Long sent = fetchedAt.get(a.url());
                if (sent != null) {
                    if (!stored.add(a.url())) {
                        storedTwice.incrementAndGet();
                    }
                    long latency = System.currentTimeMillis() - sent;
                    latenciesMs.add(latency);
                    if (sent >= steadyFrom.get()) {
                        steadyMs.add(latency);
                    }
                }
            });
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            URI endpoint = URI.create("http://127.0.0.1:" + pipeline.ingestPort() + "/pages");
            ExecutorService senders = Executors.newFixedThreadPool(8);
            AtomicLong accepted = new AtomicLong();
            AtomicLong refused = new AtomicLong();
            long start = System.nanoTime();
            steadyFrom.set(System.currentTimeMillis() + plan.warmupSeconds() * 1000L);
            long intervalNanos = (long) (1e9 / plan.rate());
            long deadline = start + Duration.ofSeconds(plan.durationSeconds()).toNanos();
            int n = 0;
            long nextReport = start + 10_000_000_000L;
            System.err.printf("Sending %.0f pages/s for %d s to %s%n", plan.rate(), plan.durationSeconds(), endpoint);
            while (System.nanoTime() < deadline && n < plan.maxPages()) {
                long due = start + n * intervalNanos;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                int i = n++;
                String url = "https://soak.example/page/" + i;
                long now = System.currentTimeMillis();
                fetchedAt.put(url, now);
                String body = "{\"url\":\"" + url + "\",\"fetchedAt\":" + now + ",\"crawler\":\"soak\","
                        + "\"headers\":{\"content-type\":\"text/html\"},\"body\":\""
                        + Base64.getEncoder().encodeToString(pages.get(i % pages.size())) + "\"}";
                senders.submit(() -> {
                    try {
                        HttpResponse<Void> r = http.send(HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
                                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                HttpResponse.BodyHandlers.discarding());
                        (r.statusCode() == 202 ? accepted : refused).incrementAndGet();
                        if (r.statusCode() != 202) {
                            fetchedAt.remove(url);
                        }
                    } catch (IOException | InterruptedException e) {
                        refused.incrementAndGet();
                        fetchedAt.remove(url);
                    }
                });
                if (System.nanoTime() > nextReport) {
                    System.err.printf("… %d s: sent %d, accepted %d, stored %d%n", (System.nanoTime() - start) / 1_000_000_000,
                            n, accepted.get(), stored.size());
                    nextReport += 10_000_000_000L;
                }
            }
            senders.shutdown();
            senders.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS);
            double sendSeconds = (System.nanoTime() - start) / 1e9;
            long drainDeadline = System.nanoTime() + Duration.ofSeconds(plan.drainSeconds()).toNanos();
            while (stored.size() < accepted.get() && System.nanoTime() < drainDeadline) {
                Thread.sleep(200);
            }
            double totalSeconds = (System.nanoTime() - start) / 1e9;
            System.gc();
            MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
            List<Long> sorted = new ArrayList<>(latenciesMs);
            sorted.sort(null);
            List<Long> steady = new ArrayList<>(steadyMs);
            steady.sort(null);
            return new Result(plan, n, sendSeconds, accepted.get(), refused.get(), stored.size(),
                    accepted.get() - stored.size(), storedTwice.get(), stored.size() / totalSeconds, sorted, steady,
                    mem.getHeapMemoryUsage().getUsed() >> 20, mem.getHeapMemoryUsage().getMax() >> 20,
                    pages.stream().mapToInt(p -> p.length).min().orElse(0) / 1024,
                    pages.stream().mapToInt(p -> p.length).max().orElse(0) / 1024);
        }
    }

    private static long pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    /** The .html and .html.gz pages of {@code pagesDir} (default: the sample pages), sorted by name. */
    static List<byte[]> loadPages(Path pagesDir) throws IOException {
        Path dir = pagesDir != null ? pagesDir : Path.of(System.getProperty("newswire.home", ".")).resolve("samples/pages");
        List<byte[]> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.sorted().toList()) {
                String name = p.getFileName().toString();
                if (name.endsWith(".html") || name.endsWith(".htm")) {
                    out.add(Files.readAllBytes(p));
                } else if (name.endsWith(".html.gz")) {
                    try (InputStream in = new GZIPInputStream(Files.newInputStream(p))) {
                        out.add(in.readAllBytes());
                    }
                }
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no .html or .html.gz pages in " + dir);
        }
        return out;
    }
}
