package dev.newswire.model;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Record keys. The same URL always gives the same key, so all versions of a page land on the same partition and
 * downstream upserts converge.
 */
public final class Keys {

    private Keys() {
    }

    /**
     * Normalises a URL for use as a key: lower-case scheme and host, no default port, no fragment, "/" for an
     * empty path. Query strings are kept (they often name the article).
     *
     * @throws PayloadException when the URL is not an absolute http(s) URL
     */
    public static String normalizeUrl(String url) {
        if (url == null || url.isBlank()) {
            throw new PayloadException("invalid-field", "url is missing");
        }
        URI uri;
        try {
            uri = new URI(url.strip()).normalize();
        } catch (URISyntaxException e) {
            throw new PayloadException("invalid-field", "url is not a valid URI: " + e.getMessage(), e);
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!"http".equals(scheme) && !"https".equals(scheme) || uri.getHost() == null) {
            throw new PayloadException("invalid-field", "url must be an absolute http(s) URL: " + url);
        }
        int port = uri.getPort();
        boolean defaultPort = port == -1 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        StringBuilder sb = new StringBuilder(scheme).append("://").append(uri.getHost().toLowerCase(Locale.ROOT));
        if (!defaultPort) {
            sb.append(':').append(port);
        }
        sb.append(path);
        if (uri.getRawQuery() != null) {
            sb.append('?').append(uri.getRawQuery());
        }
        return sb.toString();
    }

    /** The key of a raw page in {@link Topics#RAW}: its normalised URL. */
    public static String pageKey(String url) {
        return normalizeUrl(url);
    }

    /** The stable id of an article: the first 128 bits of SHA-256 of its normalised canonical URL, in hex. */
    public static String articleId(String canonicalUrl) {
        return sha256Hex(normalizeUrl(canonicalUrl)).substring(0, 32);
    }

    /** Lower-case hex SHA-256 of the UTF-8 bytes of {@code s}. */
    public static String sha256Hex(String s) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /** The host of a URL, or null. */
    public static String host(String url) {
        try {
            String h = new URI(url).getHost();
            return h == null ? null : h.toLowerCase(Locale.ROOT);
        } catch (URISyntaxException | NullPointerException e) {
            return null;
        }
    }
}
