package dev.newswire.ops.api;

import com.sun.net.httpserver.HttpExchange;
import dev.newswire.ops.cli.TimeArgs;
import dev.newswire.search.InvalidQueryException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The query parameters of an API request, checked: only the parameters the endpoint knows, each once unless it may
 * repeat, well-formed percent-encoding; every problem an {@link InvalidQueryException} whose message names the
 * parameter.
 */
final class ApiRequest {

    private final Map<String, List<String>> params = new LinkedHashMap<>();

    private ApiRequest() {
    }

    /**
     * @param known      the parameters the endpoint takes
     * @param repeatable those of them that may be given more than once
     */
    static ApiRequest of(HttpExchange ex, Set<String> known, Set<String> repeatable) {
        ApiRequest r = new ApiRequest();
        String q = ex.getRequestURI().getRawQuery();
        if (q == null || q.isEmpty()) {
            return r;
        }
        if (q.length() > 8192) {
            throw new InvalidQueryException("the query string is longer than 8192 characters");
        }
        for (String pair : q.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = decode(eq < 0 ? pair : pair.substring(0, eq));
            String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (!known.contains(k)) {
                throw new InvalidQueryException("unknown parameter '" + shorten(k) + "' (this endpoint takes "
                        + String.join(", ", known.stream().sorted().toList()) + ")");
            }
            List<String> values = r.params.computeIfAbsent(k, x -> new ArrayList<>());
            if (!values.isEmpty() && !repeatable.contains(k)) {
                throw new InvalidQueryException("parameter '" + k + "' is given more than once");
            }
            values.add(v);
        }
        return r;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidQueryException("malformed percent-encoding in the query string");
        }
    }

    /** The value, or null when absent or empty. */
    String get(String name) {
        List<String> v = params.get(name);
        return v == null || v.get(0).isEmpty() ? null : v.get(0);
    }

    List<String> all(String name) {
        return params.getOrDefault(name, List.of());
    }

    int intParam(String name, int dflt) {
        String v = get(name);
        if (v == null) {
            return dflt;
        }
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new InvalidQueryException(name + " must be a whole number (was '" + shorten(v) + "')");
        }
    }

    /** A time: ISO-8601 instant, UTC date, or a duration ago ({@code 7d}, {@code 12h}); null when absent. */
    Instant time(String name, Instant now) {
        String v = get(name);
        if (v == null) {
            return null;
        }
        try {
            return TimeArgs.pointInTime(v, now);
        } catch (IllegalArgumentException | java.time.DateTimeException | ArithmeticException e) {
            throw new InvalidQueryException(name + " is not a time: use 2024-06-18T06:00:00Z, 2024-06-18 or a duration "
                    + "ago such as 7d or 12h (was '" + shorten(v) + "')");
        }
    }

    boolean flag(String name) {
        String v = get(name);
        if (v == null || v.equals("false")) {
            return false;
        }
        if (v.equals("true")) {
            return true;
        }
        throw new InvalidQueryException(name + " must be true or false");
    }

    static String shorten(String s) {
        String one = s.replaceAll("\\p{Cntrl}", "?");
        return one.length() > 40 ? one.substring(0, 40) + "…" : one;
    }
}
