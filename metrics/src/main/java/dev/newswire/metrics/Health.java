package dev.newswire.metrics;

import com.sun.net.httpserver.HttpHandler;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The state of every stage running in this process, so that a stage whose loop died never looks alive: each stage
 * registers how to read its state, {@code GET /health} (ingest and console) answers it as JSON, 200 when every stage
 * is {@link State#RUNNING}, 503 otherwise, and {@code newswire status} prints it.
 *
 * <pre>{@code
 * {"status":"ok","stages":{"enrich":{"state":"RUNNING","restarts":0},"sink":{"state":"RESTARTING","restarts":2,
 *  "since":"2026-12-07T15:02:11Z","error":"IllegalStateException: ..."}}}
 * }</pre>
 */
public final class Health {

    /** What a stage is doing. */
    public enum State {
        /** Starting, not yet consuming. */
        STARTING,
        /** Working. */
        RUNNING,
        /** Its loop died and it is waiting to start it again (back-off). */
        RESTARTING,
        /** Dead, and not coming back by itself. */
        FAILED,
        /** Stopped on purpose. */
        STOPPED
    }

    /**
     * One stage's state.
     *
     * @param restarts how many times its loop was started again after dying
     * @param since    when it entered this state
     * @param error    the last error, when it is not running; null otherwise
     */
    public record Status(State state, int restarts, Instant since, String error) {

        public static Status running(int restarts, Instant since) {
            return new Status(State.RUNNING, restarts, since, null);
        }
    }

    private static final Health GLOBAL = new Health();

    private final Map<String, Supplier<Status>> stages = new ConcurrentHashMap<>();

    /** The registry of this process's stages. */
    public static Health global() {
        return GLOBAL;
    }

    /** Registers (or replaces) a stage; {@code status} is read on every request. */
    public void register(String stage, Supplier<Status> status) {
        stages.put(stage, status);
    }

    /** Forgets a stage that was closed, unless another one registered under its name since. */
    public void unregister(String stage, Supplier<Status> status) {
        stages.remove(stage, status);
    }

    /** The state of every registered stage, by name. */
    public Map<String, Status> snapshot() {
        Map<String, Status> out = new TreeMap<>();
        stages.forEach((name, s) -> {
            Status st;
            try {
                st = s.get();
            } catch (RuntimeException e) {
                st = new Status(State.FAILED, 0, Instant.now(), "health check failed: " + e);
            }
            out.put(name, st);
        });
        return out;
    }

    /** Whether every stage is running. */
    public boolean healthy() {
        return snapshot().values().stream().allMatch(s -> s.state() == State.RUNNING);
    }

    /** The JSON answer of {@code GET /health}. */
    public String json() {
        Map<String, Status> snap = snapshot();
        boolean ok = snap.values().stream().allMatch(s -> s.state() == State.RUNNING);
        StringBuilder b = new StringBuilder("{\"status\":\"").append(ok ? "ok" : "failing").append("\",\"stages\":{");
        boolean first = true;
        for (Map.Entry<String, Status> e : snap.entrySet()) {
            if (!first) {
                b.append(',');
            }
            first = false;
            Status s = e.getValue();
            string(b, e.getKey()).append(":{\"state\":\"").append(s.state()).append("\",\"restarts\":").append(s.restarts());
            if (s.since() != null) {
                b.append(",\"since\":");
                string(b, s.since().toString());
            }
            if (s.error() != null) {
                b.append(",\"error\":");
                string(b, s.error());
            }
            b.append('}');
        }
        return b.append("}}\n").toString();
    }

    /** {@code GET /health}: the JSON above, 200 when every stage runs, 503 otherwise. No data, no authentication. */
    public HttpHandler handler() {
        return ex -> {
            try (ex) {
                byte[] body = json().getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("Content-Type", "application/json");
                ex.getResponseHeaders().set("Cache-Control", "no-store");
                ex.sendResponseHeaders(healthy() ? 200 : 503, "HEAD".equals(ex.getRequestMethod()) ? -1 : body.length);
                if (!"HEAD".equals(ex.getRequestMethod())) {
                    ex.getResponseBody().write(body);
                }
            }
        };
    }

    private static StringBuilder string(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"');
    }
}
