package dev.newswire.ingest.source;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small news site on 127.0.0.1 for a real crawler: a home page and a section index linking to articles, the
 * sample AP story and an aggregator's copy of it, a PDF, an image and a broken link. Some pages are sent chunked.
 */
final class NewsSite implements AutoCloseable {

    record Resource(String contentType, byte[] body, boolean chunked) {
    }

    final Map<String, Resource> resources = new LinkedHashMap<>();
    private final HttpServer server;

    NewsSite(Path samplePages) throws IOException {
        byte[] ap = Files.readAllBytes(samplePages.resolve("ap-putin-pyongyang-repost.html"));
        html("/", false, page("Home", "<a href='/section/world.html'>World</a> <a href='/world/ecb-rates.html'>ECB</a>"
                + " <a href='/files/report.pdf'>Report (PDF)</a> <img src='/img/logo.png'> <a href='/missing.html'>Old link</a>"));
        html("/section/world.html", true, page("World", "<ul><li><a href='/world/putin-pyongyang.html'>Putin in Pyongyang</a>"
                + "<li><a href='/aggregator/putin-copy.html'>Putin (copy)</a><li><a href='/mirror/putin-summit.html'>Putin (mirror)</a><li><a href='/world/ecb-rates.html'>ECB</a></ul>"));
        resources.put("/world/putin-pyongyang.html", new Resource("text/html; charset=utf-8", ap, false));
        resources.put("/aggregator/putin-copy.html", new Resource("text/html; charset=utf-8", ap, true));
        resources.put("/mirror/putin-summit.html", new Resource("text/html; charset=utf-8", mirrorCopy(ap), false));
        html("/world/ecb-rates.html", false, page("ECB holds rates", "<article><h1>ECB holds rates</h1><p>The European "
                + "Central Bank kept interest rates unchanged on Thursday.</p></article>"));
        resources.put("/files/report.pdf", new Resource("application/pdf",
                "%PDF-1.4\n%\u00e2\u00e3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF".getBytes(StandardCharsets.ISO_8859_1), false));
        resources.put("/img/logo.png", new Resource("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10}, false));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/", this::serve);
        server.start();
    }

    /** Canonical URL of the sample AP page. */
    static final String AP_CANONICAL = "https://worldnewsdigest.example/2024/06/18/ahead-of-his-summit-with-north-koreas-kim-putin-promised-they-would-defeat-sanctions-together/";
    /** Canonical URL of the mirror's copy: another site, so another article of the same story. */
    static final String MIRROR_CANONICAL = "https://mirror.example/world/putin-kim-summit";

    /** The AP page as another site republishes it: its own canonical URL, its own boilerplate around the story. */
    static byte[] mirrorCopy(byte[] ap) {
        String html = new String(ap, StandardCharsets.UTF_8).replace(AP_CANONICAL, MIRROR_CANONICAL)
                .replace("<div class=\"entry-content\">", "<div class=\"entry-content\"><p>Advertisement</p>"
                        + "<p>This story was automatically published from a wire feed and has not been edited by our staff.</p>");
        return html.getBytes(StandardCharsets.UTF_8);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    private void html(String path, boolean chunked, String html) {
        resources.put(path, new Resource("text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8), chunked));
    }

    private static String page(String title, String body) {
        return "<!doctype html><html><head><meta charset='utf-8'><title>" + title + "</title></head><body>" + body
                + "</body></html>";
    }

    private void serve(HttpExchange ex) throws IOException {
        Resource r = resources.get(ex.getRequestURI().getPath());
        try (ex) {
            if (r == null) {
                byte[] nf = page("Not found", "<p>Not found</p>").getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("Content-Type", "text/html");
                ex.sendResponseHeaders(404, nf.length);
                ex.getResponseBody().write(nf);
                return;
            }
            ex.getResponseHeaders().set("Content-Type", r.contentType());
            ex.sendResponseHeaders(200, r.chunked() ? 0 : r.body().length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(r.body());
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
