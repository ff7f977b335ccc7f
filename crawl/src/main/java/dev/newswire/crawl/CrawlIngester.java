package dev.newswire.crawl;

import dev.newswire.ingest.PagePublisher;
import dev.newswire.model.RawPage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.netpreserve.jwarc.WarcReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the pages of crawler output files to news.raw through ingest's {@link PagePublisher} (idempotent
 * producer, keyed by URL), counting what it reads, publishes and skips, with a progress line every
 * {@link #PROGRESS_EVERY_RECORDS} records. A bounded number of sends is in flight, so memory stays flat whatever
 * the file's size; {@link #finish()} waits for Kafka to acknowledge everything.
 */
public final class CrawlIngester implements PageSink {

    private static final Logger LOG = LoggerFactory.getLogger(CrawlIngester.class);
    /** A progress line every this many records. */
    static final int PROGRESS_EVERY_RECORDS = 1000;
    /** Sends in flight before the next one waits for the oldest acknowledgement: bounds memory (pages are ~100 KB). */
    static final int MAX_IN_FLIGHT = 2000;

    private final PagePublisher publisher;
    private final int maxPageBytes;
    private final String crawler;
    private final Consumer<String> progress;
    private final CrawlSummary summary = new CrawlSummary();
    private final Deque<CompletableFuture<RecordMetadata>> inFlight = new ArrayDeque<>();
    private final List<String> publishedKeys = new ArrayList<>();
    private final boolean keepKeys;

    /**
     * @param progress told a one-line progress report now and then (stderr in the commands), may be null
     * @param keepKeys whether to remember the keys of published pages ({@link #publishedKeys()}: tests, small runs)
     */
    public CrawlIngester(PagePublisher publisher, int maxPageBytes, String crawler, Consumer<String> progress,
                         boolean keepKeys) {
        this.publisher = publisher;
        this.maxPageBytes = maxPageBytes;
        this.crawler = crawler;
        this.progress = progress == null ? s -> { } : progress;
        this.keepKeys = keepKeys;
    }

    /** A progress reporter printing to {@code out} (stderr in the commands). */
    public static Consumer<String> printingTo(PrintStream out) {
        return line -> out.println("… " + line);
    }

    /** Publishes every page of a WARC file, or of every {@code .warc}/{@code .warc.gz} file under a directory. */
    public void ingestWarc(Path path) throws IOException {
        for (Path file : files(path, ".warc", ".warc.gz")) {
            long size = Files.size(file);
            try (WarcReader reader = new WarcReader(file)) {
                new WarcPages(maxPageBytes, crawler).read(reader, this, position -> tick(file, position, size));
            }
        }
    }

    /** Publishes every page of a WARC stream (gzipped or not). */
    public void ingestWarc(InputStream in, String name) throws IOException {
        try (WarcReader reader = new WarcReader(in)) {
            new WarcPages(maxPageBytes, crawler).read(reader, this, position -> tick(Path.of(name), position, -1));
        }
    }

    /** Publishes every page of a JSON-lines file ({@code .gz} is decompressed), or of every one under a directory. */
    public void ingestJsonLines(Path path) throws IOException {
        for (Path file : files(path, ".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz", ".jl", ".jl.gz", ".json", ".json.gz")) {
            InputStream raw = Files.newInputStream(file);
            InputStream in = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw, 64 * 1024) : raw;
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 256 * 1024)) {
                new JsonLinePages(maxPageBytes, crawler).read(r, file.toString(), this, () -> tick(file, -1, -1));
            }
        }
    }

    @Override
    public void page(RawPage page) {
        summary.countRead();
        if (inFlight.size() >= MAX_IN_FLIGHT) {
            inFlight.removeFirst().join();
        }
        inFlight.addLast(publisher.publish(page));
        summary.countPublished();
        if (keepKeys) {
            publishedKeys.add(PagePublisher.keyOf(page));
        }
    }

    @Override
    public void skip(String reason, String detail) {
        summary.countRead();
        summary.countSkipped(reason);
        LOG.debug("Skipped ({}): {}", reason, detail);
    }

    /**
     * Waits until Kafka has acknowledged every page sent.
     *
     * @throws IllegalStateException when a page could not be published (the run is then incomplete: run it again;
     *                               pages are keyed by URL and the store upserts, so a re-run adds no duplicates)
     */
    public CrawlSummary finish() {
        publisher.flush();
        try {
            while (!inFlight.isEmpty()) {
                inFlight.removeFirst().join();
            }
        } catch (java.util.concurrent.CompletionException e) {
            throw new IllegalStateException("Kafka did not acknowledge a page: " + e.getCause(), e.getCause());
        }
        return summary;
    }

    /** The summary so far. */
    public CrawlSummary summary() {
        return summary;
    }

    /** Keys of the published pages, in order (only when created with {@code keepKeys}). */
    public List<String> publishedKeys() {
        return List.copyOf(publishedKeys);
    }

    private void tick(Path file, long position, long size) {
        if (summary.read() % PROGRESS_EVERY_RECORDS != 0) {
            return;
        }
        String where = position < 0 ? "" : size > 0
                ? String.format(Locale.ROOT, " at %.1f of %.1f MB", position / 1e6, size / 1e6)
                : String.format(Locale.ROOT, " at %.1f MB", position / 1e6);
        progress.accept(file.getFileName() + where + ": " + summary);
    }

    static List<Path> files(Path path, String... suffixes) throws IOException {
        if (!Files.exists(path)) {
            throw new IOException("no such file or directory: " + path);
        }
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try (Stream<Path> s = Files.walk(path)) {
            return s.filter(Files::isRegularFile).filter(p -> {
                String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                for (String suffix : suffixes) {
                    if (n.endsWith(suffix)) {
                        return true;
                    }
                }
                return false;
            }).sorted().toList();
        }
    }
}
