package dev.newswire.ops.console;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newswire.model.Json;
import dev.newswire.model.Topics;
import dev.newswire.ops.cli.KafkaClients;
import dev.newswire.ops.status.ClusterStatus;
import dev.newswire.ops.status.StatusCollector;
import dev.newswire.ops.status.StatusCommand;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Samples the cluster status every few seconds for the topic and lag tables, keeps the history of end offsets for
 * the throughput charts (rate = growth of the end offsets between two samples), and counts stored articles when a
 * database is given. One sampler serves every browser, so many open consoles cost the cluster nothing more.
 */
final class LiveStatus implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LiveStatus.class);
    static final Duration INTERVAL = Duration.ofSeconds(5);
    private static final int HISTORY = 180; // 15 minutes of samples

    private final Map<String, Object> clientProps;
    private final String jdbcUrl;
    private final ScheduledExecutorService scheduler;
    private final Deque<long[]> history = new ArrayDeque<>(); // [time ms, raw, articles, dlq end-offset sums]
    private Admin admin;
    private volatile ObjectNode latest = Json.MAPPER.createObjectNode().put("state", "starting");

    LiveStatus(Map<String, Object> clientProps, String jdbcUrl) {
        this.clientProps = clientProps;
        this.jdbcUrl = jdbcUrl;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "newswire-console-status");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(this::sample, 0, INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    ObjectNode status() {
        return latest;
    }

    /** Records per second of each pipeline topic, one point per sample interval. */
    synchronized ObjectNode throughput() {
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.put("intervalSeconds", INTERVAL.toSeconds());
        out.put("method", "growth of the topics' end offsets between samples");
        ObjectNode topics = out.putObject("topics");
        String[] names = {Topics.RAW, Topics.ARTICLES, Topics.DLQ};
        for (int i = 0; i < names.length; i++) {
            ArrayNode points = topics.putArray(names[i]);
            long[] prev = null;
            for (long[] h : history) {
                if (prev != null && h[0] > prev[0]) {
                    double rate = Math.max(0, h[i + 1] - prev[i + 1]) * 1000.0 / (h[0] - prev[0]);
                    points.addArray().add(h[0]).add(Math.round(rate * 100) / 100.0);
                }
                prev = h;
            }
        }
        return out;
    }

    private void sample() {
        ObjectNode next;
        try {
            if (admin == null) {
                admin = KafkaClients.admin(clientProps);
            }
            ClusterStatus s = new StatusCollector(admin, clientProps, List.of(Topics.RAW, Topics.ARTICLES, Topics.DLQ),
                    StatusCommand.PIPELINE_GROUPS, 0).collect();
            next = Json.MAPPER.valueToTree(s);
            next.put("state", "ok");
            Map<String, Long> sums = new HashMap<>();
            s.topics().forEach(t -> sums.put(t.name(), t.endOffsets().stream().mapToLong(Long::longValue).sum()));
            synchronized (this) {
                history.addLast(new long[]{s.at().toEpochMilli(), sums.getOrDefault(Topics.RAW, 0L),
                        sums.getOrDefault(Topics.ARTICLES, 0L), sums.getOrDefault(Topics.DLQ, 0L)});
                while (history.size() > HISTORY) {
                    history.removeFirst();
                }
            }
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                return;
            }
            LOG.debug("Console status sample failed", e);
            next = Json.MAPPER.createObjectNode().put("state", "error").put("error", e.getMessage());
            if (admin != null) {
                admin.close(Duration.ZERO);
                admin = null;
            }
        }
        if (jdbcUrl != null) {
            next.set("store", store());
        }
        latest = next;
    }

    private ObjectNode store() {
        ObjectNode o = Json.MAPPER.createObjectNode();
        try (Connection c = DriverManager.getConnection(jdbcUrl);
             Statement st = c.createStatement()) {
            st.setQueryTimeout(5);
            try (ResultSet rs = st.executeQuery("SELECT count(*), count(*) FILTER (WHERE stored_at > now() - interval '1 hour'), "
                    + "max(stored_at) FROM articles")) {
                rs.next();
                o.put("articles", rs.getLong(1));
                o.put("lastHour", rs.getLong(2));
                o.put("lastStoredAt", rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant().toString());
            }
        } catch (Exception e) {
            // the sink creates the table on its first start; until then say why there is no count
            o.put("error", e.getMessage());
        }
        return o;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }
}
