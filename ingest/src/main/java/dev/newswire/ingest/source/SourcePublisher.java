package dev.newswire.ingest.source;

import dev.newswire.ingest.KeyedPage;
import dev.newswire.ingest.PagePublisher;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.netpreserve.jwarc.WarcReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one publish loop of every page source but HTTP: publishes what the sources read to news.raw through a
 * {@link PagePublisher} (idempotent producer, keyed by URL), counting what is read, published and skipped, with a
 * progress line every {@link #PROGRESS_EVERY_RECORDS} records. A bounded number of sends is in flight, so memory
 * stays flat whatever the input's size; {@link #finish()} waits for Kafka to acknowledge everything.
 *
 * <pre>{@code
 * SourcePublisher run = new SourcePublisher(publisher, maxPageBytes, "wget", SourcePublisher.printingTo(System.err));
 * run.publishWarc(Path.of("crawl.warc.gz"));
 * IngestSummary summary = run.finish();
 * }</pre>
 */
public final class SourcePublisher implements PageSink {

    private static final Logger LOG = LoggerFactory.getLogger(SourcePublisher.class);
    /** A progress line every this many records. */
    static final int PROGRESS_EVERY_RECORDS = 1000;
    /** Sends in flight before the next one waits for the oldest acknowledgement: bounds memory (pages are ~100 KB). */
    static final int MAX_IN_FLIGHT = 2000;
    /** Names of JSON-lines files inside a directory given to {@link #publishJsonLines}. */
    private static final String[] JSON_LINES = {".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz", ".jl", ".jl.gz", ".json", ".json.gz"};
    /** Names of JSON-lines files among HTML files ({@link #publishFiles}). */
    private static final String[] NDJSON = {".ndjson", ".jsonl", ".ndjson.gz", ".jsonl.gz"};

    private final PagePublisher publisher;
    private final int maxPageBytes;
    private final String crawler;
    private final Consumer<String> progress;
    private final IngestSummary summary = new IngestSummary();
    private final Deque<CompletableFuture<RecordMetadata>> inFlight = new ArrayDeque<>();
    private Consumer<String> beforeSend = key -> { };

    /**
     * @param maxPageBytes larger pages are skipped as too-large
     * @param crawler      crawler name recorded on pages that do not give one
     * @param progress     told a one-line progress report now and then (stderr in the commands), may be null
     */
    public SourcePublisher(PagePublisher publisher, int maxPageBytes, String crawler, Consumer<String> progress) {
        this.publisher = publisher;
        this.maxPageBytes = maxPageBytes;
        this.crawler = crawler;
        this.progress = progress == null ? s -> { } : progress;
    }

    /** A progress reporter printing to {@code out} (stderr in the commands). */
    public static Consumer<String> printingTo(PrintStream out) {
        return line -> out.println("… " + line);
    }

    /** Tells {@code listener} each page's key before the page is sent (to wait for its article, to list keys). */
    public SourcePublisher beforeSend(Consumer<String> listener) {
        this.beforeSend = listener;
        return this;
    }

    /**
     * Publishes HTML files ({@code .html}, {@code .htm}, optionally {@code .gz}) and NDJSON files in the ingest
     * format ({@code .ndjson}, {@code .jsonl}, optionally {@code .gz}), or every such file under a directory.
     *
     * @param baseUrl URL prefix for HTML files that do not name their own canonical URL
     */
    public void publishFiles(Path path, String baseUrl) throws IOException {
        HtmlFiles html = new HtmlFiles(maxPageBytes, baseUrl, crawler);
        for (Path file : SourceFiles.files(path, name -> HtmlFiles.isHtmlFile(name) || SourceFiles.endingIn(NDJSON).test(name))) {
            if (SourceFiles.endingIn(NDJSON).test(file.getFileName().toString().toLowerCase(Locale.ROOT))) {
                readJsonLines(file, JsonLinePages.Dialect.INGEST);
            } else {
                html.read(path, file, this);
                tick(file, -1, -1);
            }
        }
    }

    /** Publishes every page of a JSON-lines file in the ingest format or Scrapy's, or of every one under a directory. */
    public void publishJsonLines(Path path) throws IOException {
        for (Path file : SourceFiles.files(path, SourceFiles.endingIn(JSON_LINES))) {
            readJsonLines(file, JsonLinePages.Dialect.SCRAPY);
        }
    }

    /** Publishes every page of a WARC file, or of every {@code .warc}/{@code .warc.gz} file under a directory. */
    public void publishWarc(Path path) throws IOException {
        for (Path file : SourceFiles.files(path, SourceFiles.endingIn(".warc", ".warc.gz"))) {
            long size = Files.size(file);
            try (WarcReader reader = new WarcReader(file)) {
                new WarcPages(maxPageBytes, crawler).read(reader, this, position -> tick(file, position, size));
            }
        }
    }

    /** Publishes every page of a WARC stream (gzipped or not). */
    public void publishWarc(InputStream in, String name) throws IOException {
        try (WarcReader reader = new WarcReader(in)) {
            new WarcPages(maxPageBytes, crawler).read(reader, this, position -> tick(Path.of(name), position, -1));
        }
    }

    private void readJsonLines(Path file, JsonLinePages.Dialect dialect) throws IOException {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(SourceFiles.open(file), StandardCharsets.UTF_8), 256 * 1024)) {
            new JsonLinePages(maxPageBytes, crawler, dialect).read(r, file.toString(), this, () -> tick(file, -1, -1));
        }
    }

    @Override
    public void page(KeyedPage page) {
        summary.countRead();
        if (inFlight.size() >= MAX_IN_FLIGHT) {
            inFlight.removeFirst().join();
        }
        beforeSend.accept(page.key());
        inFlight.addLast(publisher.publish(page));
        summary.countPublished();
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
    public IngestSummary finish() {
        publisher.flush();
        try {
            while (!inFlight.isEmpty()) {
                inFlight.removeFirst().join();
            }
        } catch (CompletionException e) {
            throw new IllegalStateException("Kafka did not acknowledge a page: " + e.getCause(), e.getCause());
        }
        return summary;
    }

    /** The summary so far. */
    public IngestSummary summary() {
        return summary;
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
}
