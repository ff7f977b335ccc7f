package dev.newswire.ingest;

import dev.newswire.model.Keys;
import dev.newswire.model.PayloadException;
import dev.newswire.model.RawPage;

/**
 * A page and the key it is published under in news.raw: its URL normalised ({@link Keys#pageKey(String)}), once,
 * when the page enters ingest. The publisher, the HTTP answer and the file commands all use this key.
 *
 * @param key  the normalised URL
 * @param page the page as received
 */
public record KeyedPage(String key, RawPage page) {

    /**
     * Keys a page.
     *
     * @throws PayloadException (invalid-field) when its URL is not an absolute http(s) URL
     */
    public static KeyedPage of(RawPage page) {
        return new KeyedPage(Keys.pageKey(page.url()), page);
    }
}
