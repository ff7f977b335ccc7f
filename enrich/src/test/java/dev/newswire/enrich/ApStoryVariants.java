package dev.newswire.enrich;

import dev.newswire.model.Json;
import dev.newswire.model.RawPage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * The sample AP story ({@code samples/pages/ap-putin-pyongyang-repost.html}) as the copies that reach us: the
 * original, an aggregator's copy with boilerplate on another host, a shortened copy, a copy with an edited headline
 * and first sentence, and the original re-crawled later at the same URL.
 */
final class ApStoryVariants {

    static final Path SAMPLE = Path.of("..", "samples", "pages", "ap-putin-pyongyang-repost.html");
    static final String ORIGINAL_URL = "https://worldnewsdigest.example/2024/06/18/ahead-of-his-summit-with-north-koreas-kim-putin-promised-they-would-defeat-sanctions-together/";
    static final String AGGREGATOR_URL = "https://aggregator.example/news/putin-kim-summit-sanctions";
    static final String SHORTENED_URL = "https://briefs.example/world/putin-pyongyang-visit";
    static final String EDITED_URL = "https://globalpost.example/2024/06/18/putin-thanks-kim/";
    static final Instant FIRST_FETCH = Instant.parse("2024-06-18T07:00:00Z");

    private static final String BOILERPLATE = "<p>Advertisement</p><p>This story was automatically published from a "
            + "wire feed and has not been edited by our staff.</p><p>Subscribe to our newsletter for the day's top "
            + "stories, delivered every morning.</p>";

    private ApStoryVariants() {
    }

    static String original() {
        try {
            return Files.readString(SAMPLE, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String aggregatorCopy() {
        return movedTo(original(), AGGREGATOR_URL)
                .replace("<div class=\"entry-content\">", "<div class=\"entry-content\">" + BOILERPLATE)
                .replace("<p><a href=\"https://apnews.com/\"", BOILERPLATE + "<p><a href=\"https://apnews.com/\"");
    }

    /** The first 12 of the story's 21 paragraphs (about 40% dropped from the end). */
    static String shortened() {
        String html = movedTo(original(), SHORTENED_URL);
        int start = html.indexOf("<div class=\"entry-content\">");
        int cut = start;
        for (int i = 0; i < 13; i++) {
            cut = html.indexOf("<p>", cut + 1);
        }
        int end = html.indexOf("<p><a href=\"https://apnews.com/\"");
        return html.substring(0, cut) + html.substring(end);
    }

    static String editedHeadline() {
        return movedTo(original(), EDITED_URL)
                .replace("Ahead of his summit with North Korea&#x27;s Kim, Putin promised they would defeat sanctions together",
                        "Putin thanks Kim for backing, vows joint fight against Western sanctions")
                .replace("SEOUL, South Korea (AP) — Russia's president Vladimir Putin thanked North Korea",
                        "SEOUL (AP) — Russian leader Vladimir Putin on Tuesday expressed gratitude to North Korea");
    }

    private static String movedTo(String html, String url) {
        return html.replace(ORIGINAL_URL, url);
    }

    static byte[] page(String url, String html, Instant fetchedAt) {
        return Json.write(RawPage.of(url, fetchedAt, 200, Map.of("content-type", "text/html; charset=utf-8"),
                html.getBytes(StandardCharsets.UTF_8), "test"));
    }
}
