package dev.newswire.ingest.source;

import dev.newswire.ingest.KeyedPage;
import dev.newswire.model.PayloadException;
import dev.newswire.model.RawPage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one saved HTML file ({@code .html}, {@code .htm}, optionally gzipped) as a page: the URL is the page's own
 * canonical URL ({@code <link rel=canonical>}, else {@code og:url}) when it names an absolute http(s) one, else
 * the base URL plus the file's path; fetched at the file's modification time, HTTP 200, {@code text/html}.
 */
public final class HtmlFiles {

    // The page's own idea of its URL, read from the raw bytes without a full parse.
    private static final Pattern CANONICAL = Pattern.compile(
            "<link\\b[^>]*rel=[\"']?canonical[\"']?[^>]*href=[\"']([^\"']+)[\"']|<link\\b[^>]*href=[\"']([^\"']+)[\"'][^>]*rel=[\"']?canonical",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern OG_URL = Pattern.compile(
            "<meta\\b[^>]*property=[\"']og:url[\"'][^>]*content=[\"']([^\"']+)[\"']", Pattern.CASE_INSENSITIVE);
    /** How much of a file is searched for its canonical URL: it sits in the head. */
    private static final int HEAD_BYTES = 64 * 1024;

    private final int maxPageBytes;
    private final String baseUrl;
    private final String crawler;

    /**
     * @param maxPageBytes larger files are skipped as too-large
     * @param baseUrl      URL prefix for files that do not name their own canonical URL
     * @param crawler      crawler name recorded on the pages
     */
    public HtmlFiles(int maxPageBytes, String baseUrl, String crawler) {
        this.maxPageBytes = maxPageBytes;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
        this.crawler = crawler;
    }

    /** Whether a file name is an HTML page this reader takes. */
    public static boolean isHtmlFile(String lowerCaseName) {
        return lowerCaseName.endsWith(".html") || lowerCaseName.endsWith(".htm")
                || lowerCaseName.endsWith(".html.gz") || lowerCaseName.endsWith(".htm.gz");
    }

    /**
     * Reads {@code file} and hands its page (or why it is skipped) to {@code sink}.
     *
     * @param root the file or directory the user named: a file's fallback URL is its path below it
     */
    public void read(Path root, Path file, PageSink sink) throws IOException {
        byte[] body;
        try (InputStream in = SourceFiles.open(file)) {
            body = in.readNBytes(maxPageBytes + 1);
        }
        if (body.length == 0) {
            sink.skip("empty-file", file.toString());
            return;
        }
        if (body.length > maxPageBytes) {
            sink.skip("too-large", file + " (over " + maxPageBytes + " bytes)");
            return;
        }
        String head = new String(body, 0, Math.min(body.length, HEAD_BYTES), StandardCharsets.ISO_8859_1);
        String url = firstGroup(CANONICAL.matcher(head));
        if (url == null) {
            url = firstGroup(OG_URL.matcher(head));
        }
        if (url == null || !url.matches("(?i)https?://.+")) {
            Path rel = Files.isDirectory(root) ? root.relativize(file) : file.getFileName();
            url = baseUrl + rel.toString().replace('\\', '/').replaceAll("\\.gz$", "");
        }
        KeyedPage page;
        try {
            page = KeyedPage.of(RawPage.of(url, Files.getLastModifiedTime(file).toInstant(), 200,
                    Map.of("content-type", "text/html"), body, crawler));
        } catch (PayloadException e) {
            sink.skip(e.reason(), file + ": " + e.getMessage());
            return;
        }
        sink.page(page);
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
