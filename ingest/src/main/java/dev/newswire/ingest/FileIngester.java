package dev.newswire.ingest;

import dev.newswire.model.PayloadException;
import dev.newswire.model.RawPage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes pages from files: HTML files ({@code .html}, {@code .htm}, optionally {@code .gz}), directories of them
 * (recursively), and NDJSON files ({@code .ndjson}, {@code .jsonl}) with one page per line in the ingest format.
 */
public final class FileIngester {

    private static final Logger LOG = LoggerFactory.getLogger(FileIngester.class);
    // The page's own idea of its URL, read from the raw bytes without a full parse.
    private static final Pattern CANONICAL = Pattern.compile(
            "<link\\b[^>]*rel=[\"']?canonical[\"']?[^>]*href=[\"']([^\"']+)[\"']|<link\\b[^>]*href=[\"']([^\"']+)[\"'][^>]*rel=[\"']?canonical",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern OG_URL = Pattern.compile(
            "<meta\\b[^>]*property=[\"']og:url[\"'][^>]*content=[\"']([^\"']+)[\"']", Pattern.CASE_INSENSITIVE);

    private final PagePublisher publisher;
    private final PageRequests requests;
    private final String baseUrl;
    private final String crawler;
    private Consumer<String> beforeSend = key -> { };

    /** What a run did. */
    public static final class Summary {
        public int read;
        public int published;
        public final Map<String, Integer> skipped = new TreeMap<>();
        public final List<String> keys = new ArrayList<>();

        void skip(String reason) {
            skipped.merge(reason, 1, Integer::sum);
        }

        @Override
        public String toString() {
            return "read " + read + ", published " + published + ", skipped " + skipped;
        }
    }

    /**
     * @param baseUrl URL prefix for HTML files that do not name their own canonical URL
     * @param crawler crawler name recorded on the pages
     */
    public FileIngester(PagePublisher publisher, int maxPageBytes, String baseUrl, String crawler) {
        this.publisher = publisher;
        this.requests = new PageRequests(maxPageBytes, crawler);
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
        this.crawler = crawler;
    }

    /** Publishes every page under the given paths and waits for Kafka's acknowledgements. */
    public Summary publish(List<Path> paths, Consumer<String> progress) throws IOException {
        return publish(paths, progress, key -> { });
    }

    /**
     * Publishes every page under the given paths and waits for Kafka's acknowledgements.
     *
     * @param progress   told a one-line summary every 100 pages (may be null)
     * @param beforeSend told each page's key before it is sent
     */
    public Summary publish(List<Path> paths, Consumer<String> progress, Consumer<String> beforeSend) throws IOException {
        this.beforeSend = beforeSend;
        Summary summary = new Summary();
        List<CompletableFuture<?>> pending = new ArrayList<>();
        for (Path root : paths) {
            if (!Files.exists(root)) {
                throw new IOException("no such file or directory: " + root);
            }
            List<Path> files;
            if (Files.isDirectory(root)) {
                try (Stream<Path> s = Files.walk(root)) {
                    files = s.filter(Files::isRegularFile).filter(FileIngester::isPageFile).sorted().toList();
                }
            } else {
                files = List.of(root);
            }
            for (Path f : files) {
                String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
                if (name.endsWith(".ndjson") || name.endsWith(".jsonl") || name.endsWith(".ndjson.gz") || name.endsWith(".jsonl.gz")) {
                    publishNdjson(f, summary, pending);
                } else {
                    publishHtml(root, f, summary, pending);
                }
                if (progress != null && summary.read % 100 == 0) {
                    progress.accept(summary.toString());
                }
            }
        }
        publisher.flush();
        for (CompletableFuture<?> f : pending) {
            f.join();
        }
        return summary;
    }

    private static boolean isPageFile(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".html") || n.endsWith(".htm") || n.endsWith(".html.gz") || n.endsWith(".htm.gz")
                || n.endsWith(".ndjson") || n.endsWith(".jsonl") || n.endsWith(".ndjson.gz") || n.endsWith(".jsonl.gz");
    }

    private void publishHtml(Path root, Path file, Summary summary, List<CompletableFuture<?>> pending) throws IOException {
        summary.read++;
        byte[] body;
        try (InputStream in = open(file)) {
            body = in.readAllBytes();
        }
        if (body.length == 0) {
            summary.skip("empty file");
            return;
        }
        String head = new String(body, 0, Math.min(body.length, 64 * 1024), StandardCharsets.ISO_8859_1);
        String url = firstGroup(CANONICAL.matcher(head));
        if (url == null) {
            url = firstGroup(OG_URL.matcher(head));
        }
        if (url == null || !url.matches("(?i)https?://.+")) {
            Path rel = Files.isDirectory(root) ? root.relativize(file) : file.getFileName();
            url = baseUrl + rel.toString().replace('\\', '/').replaceAll("\\.gz$", "");
        }
        RawPage page = RawPage.of(url, Files.getLastModifiedTime(file).toInstant(), 200,
                Map.of("content-type", "text/html"), body, crawler);
        send(page, summary, pending);
    }

    private void publishNdjson(Path file, Summary summary, List<CompletableFuture<?>> pending) throws IOException {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(open(file), StandardCharsets.UTF_8))) {
            String line;
            int lineNo = 0;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                summary.read++;
                try {
                    send(requests.parse(line.getBytes(StandardCharsets.UTF_8)), summary, pending);
                } catch (PayloadException | PageRequests.PageTooLargeException e) {
                    LOG.warn("{}:{}: skipped: {}", file, lineNo, e.getMessage());
                    summary.skip(e instanceof PayloadException pe ? pe.reason() : "too-large");
                }
            }
        }
    }

    private void send(RawPage page, Summary summary, List<CompletableFuture<?>> pending) {
        beforeSend.accept(PagePublisher.keyOf(page));
        pending.add(publisher.publish(page));
        summary.published++;
        summary.keys.add(PagePublisher.keyOf(page));
    }

    private static InputStream open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        return file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(in) : in;
    }

    private static String firstGroup(Matcher m) {
        if (!m.find()) {
            return null;
        }
        for (int i = 1; i <= m.groupCount(); i++) {
            if (m.group(i) != null) {
                return m.group(i).replace("&amp;", "&");
            }
        }
        return null;
    }

}
