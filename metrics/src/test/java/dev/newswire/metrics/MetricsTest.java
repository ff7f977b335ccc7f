package dev.newswire.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MetricsTest {

    @Test
    void pipelineMetersHaveTheDocumentedPrometheusNames() {
        Metrics m = new Metrics(false);
        m.recordIn("enrich");
        m.recordIn("enrich");
        m.recordOut("enrich");
        m.recordFailed("enrich", "too-large");
        m.processed("enrich", 3_000_000);
        m.extraction(2_000_000);
        m.tagging(1_000_000);
        m.sinkBatch(42, 7_000_000);
        m.stored(Instant.now().minusSeconds(2));
        String text = m.scrape();
        assertTrue(text.contains("newswire_records_in_total{application=\"newswire\",stage=\"enrich\"} 2.0"), text);
        assertTrue(text.contains("newswire_records_out_total{application=\"newswire\",stage=\"enrich\"} 1.0"), text);
        assertTrue(text.contains("newswire_records_failed_total{application=\"newswire\",reason=\"too-large\",stage=\"enrich\"} 1.0"), text);
        assertTrue(text.contains("newswire_processing_seconds_bucket{application=\"newswire\",stage=\"enrich\",le=\"0.005\"} 1"), text);
        assertTrue(text.contains("newswire_extraction_seconds_count"), text);
        assertTrue(text.contains("newswire_tagging_seconds_count"), text);
        assertTrue(text.contains("newswire_sink_batch_size_sum{application=\"newswire\"} 42.0"), text);
        assertTrue(text.contains("newswire_sink_db_seconds_count"), text);
        assertTrue(text.contains("newswire_end_to_end_seconds_bucket{application=\"newswire\",le=\"2.5\"} 1"), text);
    }

    @Test
    void metricsServerServesPrometheusText() throws Exception {
        Metrics m = new Metrics(true);
        m.recordIn("ingest");
        try (MetricsServer server = MetricsServer.start(m, "127.0.0.1", 0)) {
            HttpResponse<String> res = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.port() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, res.statusCode());
            assertTrue(res.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
            assertTrue(res.body().contains("newswire_records_in_total{application=\"newswire\",stage=\"ingest\"} 1.0"));
            assertTrue(res.body().contains("jvm_memory_used_bytes"), "JVM meters are bound");
        }
    }

    /** The dashboard's lag panel relies on this name from Micrometer's Kafka binder. */
    @Test
    void kafkaConsumerBinderExposesRecordsLag() throws Exception {
        Metrics m = new Metrics(false);
        java.util.Map<String, Object> props = java.util.Map.of("bootstrap.servers", "127.0.0.1:1", "client.id", "binder-test");
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<>(props,
                new org.apache.kafka.common.serialization.ByteArrayDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer());
             AutoCloseable binding = m.bind(consumer)) {
            String text = m.scrape();
            assertTrue(text.contains("kafka_consumer_fetch_manager_records_lag_max{"), text);
            assertTrue(text.contains("client_id=\"binder-test\""), text);
        }
    }

    /** The Grafana dashboard must only query meters that exist: a renamed meter would leave a panel empty. */
    @Test
    void grafanaDashboardUsesExistingMetricNames() throws Exception {
        Path dashboard = Path.of(System.getProperty("newswire.home", ".."), "docker/grafana/newswire-dashboard.json");
        String json = Files.readString(dashboard);
        Metrics m = new Metrics(true);
        m.recordIn("x");
        m.recordOut("x");
        m.recordFailed("x", "y");
        m.processed("x", 1);
        m.extraction(1);
        m.tagging(1);
        m.sinkBatch(1, 1);
        m.stored(Instant.now());
        String scrape = m.scrape();
        Matcher names = Pattern.compile("\\b(newswire_[a-z_]+)").matcher(json);
        int checked = 0;
        while (names.find()) {
            assertTrue(scrape.contains(names.group(1)), "dashboard queries " + names.group(1) + ", which no meter exposes");
            checked++;
        }
        assertTrue(checked >= 9, "the dashboard covers the pipeline meters");
    }
}
