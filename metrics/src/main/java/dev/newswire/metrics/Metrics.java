package dev.newswire.metrics;

import com.sun.net.httpserver.HttpHandler;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The pipeline's meters in one place, exposed for Prometheus. Each stage records with one-line calls on
 * {@link #global()}; names and tags are fixed here so the Grafana dashboard
 * ({@code docker/grafana/newswire-dashboard.json}) can rely on them.
 *
 * <pre>{@code
 * Metrics.global().recordIn("enrich");
 * Metrics.global().processed("enrich", System.nanoTime() - t0);
 * }</pre>
 *
 * <p>Prometheus names: {@code newswire_records_in_total{stage}}, {@code newswire_records_out_total{stage}},
 * {@code newswire_records_failed_total{stage,reason}}, {@code newswire_processing_seconds{stage}} (histogram),
 * {@code newswire_extraction_seconds}, {@code newswire_tagging_seconds}, {@code newswire_sink_batch_size},
 * {@code newswire_sink_db_seconds}, {@code newswire_end_to_end_seconds}, plus Kafka client/Streams and JVM meters.
 */
public final class Metrics {

    public static final String RECORDS_IN = "newswire.records.in";
    public static final String RECORDS_OUT = "newswire.records.out";
    public static final String RECORDS_FAILED = "newswire.records.failed";
    public static final String PROCESSING = "newswire.processing";
    public static final String EXTRACTION = "newswire.extraction";
    public static final String TAGGING = "newswire.tagging";
    public static final String SINK_BATCH_SIZE = "newswire.sink.batch.size";
    public static final String SINK_DB = "newswire.sink.db";
    public static final String END_TO_END = "newswire.end.to.end";

    // Fixed buckets keep the series count small and the same in every process, so quantiles aggregate across instances.
    private static final Duration[] STAGE_BUCKETS = durations(1, 5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 30_000);
    private static final Duration[] END_TO_END_BUCKETS = durations(100, 250, 500, 1_000, 2_500, 5_000, 10_000, 30_000,
            60_000, 300_000, 1_800_000, 3_600_000);
    private static final double[] BATCH_BUCKETS = {1, 5, 10, 25, 50, 100, 250, 500, 1_000};

    private static final Metrics GLOBAL = new Metrics(true);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    /**
     * A registry of its own (tests; several pipelines in one JVM).
     *
     * @param jvm whether to add JVM and process meters
     */
    public Metrics(boolean jvm) {
        registry.config().commonTags("application", "newswire");
        if (jvm) {
            new ClassLoaderMetrics().bindTo(registry);
            new JvmMemoryMetrics().bindTo(registry);
            new JvmGcMetrics().bindTo(registry);
            new JvmThreadMetrics().bindTo(registry);
            new ProcessorMetrics().bindTo(registry);
            new UptimeMetrics().bindTo(registry);
        }
    }

    /** The process-wide instance the stages record to and {@code /metrics} serves. */
    public static Metrics global() {
        return GLOBAL;
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** Prometheus text exposition of every meter. */
    public String scrape() {
        return registry.scrape();
    }

    /** An HTTP handler serving {@link #scrape()}, to mount at {@code /metrics} on any {@code HttpServer}. */
    public HttpHandler handler() {
        return exchange -> {
            try (exchange) {
                if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
                    exchange.sendResponseHeaders(405, -1);
                    return;
                }
                byte[] body = scrape().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
                exchange.sendResponseHeaders(200, "HEAD".equals(exchange.getRequestMethod()) ? -1 : body.length);
                if (!"HEAD".equals(exchange.getRequestMethod())) {
                    exchange.getResponseBody().write(body);
                }
            }
        };
    }

    // ---- Kafka clients -------------------------------------------------------------------------------------

    /** Binds a producer's metrics (kafka_producer_*); close the result when the producer closes. */
    public AutoCloseable bind(Producer<?, ?> producer) {
        KafkaClientMetrics m = new KafkaClientMetrics(producer);
        m.bindTo(registry);
        return m;
    }

    /** Binds a consumer's metrics (kafka_consumer_*, including records-lag-max). */
    public AutoCloseable bind(Consumer<?, ?> consumer) {
        KafkaClientMetrics m = new KafkaClientMetrics(consumer);
        m.bindTo(registry);
        return m;
    }

    /** Binds an admin client's metrics ({@code Admin.create} returns an {@link AdminClient}). */
    public AutoCloseable bind(AdminClient admin) {
        KafkaClientMetrics m = new KafkaClientMetrics(admin);
        m.bindTo(registry);
        return m;
    }

    /** Binds a Kafka Streams application's metrics (kafka_stream_*, and its clients'). */
    public AutoCloseable bind(KafkaStreams streams) {
        KafkaStreamsMetrics m = new KafkaStreamsMetrics(streams);
        m.bindTo(registry);
        return m;
    }

    // ---- pipeline meters -----------------------------------------------------------------------------------

    /** A record entered {@code stage} (ingest: a page accepted; enrich: a raw page read; sink: an article read). */
    public void recordIn(String stage) {
        Counter.builder(RECORDS_IN).description("Records a stage received").tag("stage", stage)
                .register(registry).increment();
    }

    /** A record left {@code stage} successfully (published, emitted, stored). */
    public void recordOut(String stage) {
        Counter.builder(RECORDS_OUT).description("Records a stage passed on").tag("stage", stage)
                .register(registry).increment();
    }

    /** A record became a dead letter in {@code stage}, for {@code reason} (the newswire.error.reason header). */
    public void recordFailed(String stage, String reason) {
        Counter.builder(RECORDS_FAILED).description("Records a stage sent to the dead-letter topic")
                .tag("stage", stage).tag("reason", reason == null ? "unknown" : reason)
                .register(registry).increment();
    }

    /** Time {@code stage} spent on one record (or one request, for ingest). */
    public void processed(String stage, long nanos) {
        timer(PROCESSING, "Processing time per record", STAGE_BUCKETS).tag("stage", stage)
                .register(registry).record(Duration.ofNanos(nanos));
    }

    /** Time the main-content extraction of one page took. */
    public void extraction(long nanos) {
        timer(EXTRACTION, "Main-content extraction time per page", STAGE_BUCKETS).register(registry)
                .record(Duration.ofNanos(nanos));
    }

    /** Time entity tagging of one article took. */
    public void tagging(long nanos) {
        timer(TAGGING, "Entity tagging time per article", STAGE_BUCKETS).register(registry)
                .record(Duration.ofNanos(nanos));
    }

    /** One database batch of the sink: its size and how long the transaction took. */
    public void sinkBatch(int articles, long dbNanos) {
        DistributionSummary.builder(SINK_BATCH_SIZE).description("Articles per sink database transaction")
                .serviceLevelObjectives(BATCH_BUCKETS).register(registry).record(articles);
        timer(SINK_DB, "Sink database transaction time", STAGE_BUCKETS).register(registry)
                .record(Duration.ofNanos(dbNanos));
    }

    /** An article was stored: the time from its fetch ({@code Article.fetchedAt()}) to now. */
    public void stored(Instant fetchedAt) {
        if (fetchedAt == null) {
            return;
        }
        Duration d = Duration.between(fetchedAt, Instant.now());
        if (d.isNegative()) {
            d = Duration.ZERO; // crawler clocks run ahead sometimes
        }
        timer(END_TO_END, "Time from the crawler's fetch to the stored article", END_TO_END_BUCKETS)
                .register(registry).record(d);
    }

    private static Timer.Builder timer(String name, String description, Duration[] buckets) {
        return Timer.builder(name).description(description).serviceLevelObjectives(buckets);
    }

    private static Duration[] durations(long... millis) {
        Duration[] out = new Duration[millis.length];
        for (int i = 0; i < millis.length; i++) {
            out[i] = Duration.ofMillis(millis[i]);
        }
        return out;
    }
}
