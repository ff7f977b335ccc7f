package dev.newswire.ops.status;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newswire.model.EmbeddedDefault;
import dev.newswire.model.Json;
import dev.newswire.ops.cli.Terminal;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The stages' own view of their health, from their {@code GET /health} endpoints (ingest, console): which stage runs,
 * which is restarting its loop and why. {@code newswire status} asks the running {@code newswire run} of its data
 * directory, and any {@code --health URL} given.
 */
public final class StageHealth {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /**
     * One endpoint's answer.
     *
     * @param url    the endpoint
     * @param answer its JSON, or null when it did not answer
     * @param error  why it did not answer, or null
     */
    public record Report(String url, JsonNode answer, String error) {
    }

    private StageHealth() {
    }

    /**
     * The health endpoint of the {@code newswire run} recorded in {@code dataDir}, if one is recorded and its process
     * is alive.
     */
    public static List<String> runEndpoints(Path dataDir) {
        Properties run = EmbeddedDefault.recordedRun(dataDir);
        String pid = run.getProperty("pid");
        String port = run.getProperty("ingest.port");
        if (pid == null || port == null) {
            return List.of();
        }
        try {
            if (ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false)) {
                return List.of("http://127.0.0.1:" + Integer.parseInt(port) + "/health");
            }
        } catch (NumberFormatException e) {
            return List.of();
        }
        return List.of();
    }

    /** Asks every endpoint. */
    public static List<Report> ask(List<String> urls) {
        List<Report> out = new ArrayList<>();
        for (String url : urls) {
            try {
                HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                out.add(new Report(url, Json.readTree(r.body()), null));
            } catch (IOException | RuntimeException e) {
                out.add(new Report(url, null, e.toString()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                out.add(new Report(url, null, "interrupted"));
            }
        }
        return out;
    }

    /** The reports as a text table. */
    public static String render(List<Report> reports) {
        StringBuilder sb = new StringBuilder();
        if (reports.isEmpty()) {
            sb.append("STAGES: no running './newswire run' in this data directory (--health URL asks a stage's /health)\n");
            return sb.toString();
        }
        for (Report r : reports) {
            if (r.answer() == null) {
                sb.append("STAGES (").append(Terminal.safe(r.url(), 80)).append("): no answer: ")
                        .append(Terminal.safe(r.error(), 120)).append('\n');
                continue;
            }
            sb.append("STAGES (").append(Terminal.safe(r.url(), 80)).append("): ")
                    .append(Terminal.safe(r.answer().path("status").asText("?"), 20)).append('\n');
            sb.append(String.format("%-10s %-11s %8s  %-24s %s%n", "STAGE", "STATE", "RESTARTS", "SINCE", "LAST ERROR"));
            for (Iterator<Map.Entry<String, JsonNode>> it = r.answer().path("stages").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode s = e.getValue();
                sb.append(String.format("%-10s %-11s %8d  %-24s %s%n", Terminal.safe(e.getKey(), 10),
                        Terminal.safe(s.path("state").asText("?"), 11), s.path("restarts").asInt(),
                        Terminal.safe(s.path("since").asText(""), 24), Terminal.safe(s.path("error").asText(""), 80)));
            }
        }
        return sb.toString();
    }
}
