package dev.newswire.crawl.cli;

import dev.newswire.crawl.CrawlIngester;
import dev.newswire.crawl.CrawlSummary;
import dev.newswire.ingest.PagePublisher;
import dev.newswire.model.CommonConfig;
import dev.newswire.model.EmbeddedDefault;
import dev.newswire.model.TopicAdmin;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import picocli.CommandLine.Option;

/**
 * Where the ingest commands publish: {@code --bootstrap-servers}, else the embedded broker of a running
 * {@code newswire run} ({@code data/kafka/ports.properties} under {@code newswire.home}, as the launcher finds it).
 */
public final class KafkaTarget {

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,HOST:PORT]",
            description = "Kafka brokers. Default: the embedded broker of a running './newswire run' "
                    + "(data/kafka/ports.properties), or NEWSWIRE_BOOTSTRAP_SERVERS.")
    String bootstrapServers;

    @Option(names = "--crawler", paramLabel = "NAME", description = "Crawler name recorded on pages that do not give one (default: warc for ingest-warc, jsonl for ingest-jsonl).")
    String crawler;

    @Option(names = "--max-page-bytes", defaultValue = "10485760",
            description = "Larger page bodies are skipped as too-large (default: ${DEFAULT-VALUE}).")
    int maxPageBytes;

    @Option(names = "--partitions", defaultValue = "3",
            description = "Partitions of the pipeline's topics when this command has to create them (default: ${DEFAULT-VALUE}).")
    int partitions;

    /** Kafka client properties for the chosen cluster. */
    Map<String, Object> clientProps() throws IOException {
        Map<String, Object> props = new HashMap<>();
        props.put(CommonConfig.BOOTSTRAP_SERVERS, bootstrap());
        return props;
    }

    /** Creates the pipeline's topics when missing (existing ones are left alone). */
    void ensureTopics(Map<String, Object> clientProps) {
        TopicAdmin.ensureTopics(clientProps, partitions, (short) 1);
    }

    String crawlerOr(String fallback) {
        return crawler == null || crawler.isBlank() ? fallback : crawler;
    }

    private String bootstrap() throws IOException {
        if (bootstrapServers != null && !bootstrapServers.isBlank()) {
            return bootstrapServers;
        }
        String env = System.getenv("NEWSWIRE_BOOTSTRAP_SERVERS");
        if (env != null && !env.isBlank()) {
            return env;
        }
        OptionalInt port = EmbeddedDefault.recordedBrokerPort(EmbeddedDefault.dataDir(null));
        if (port.isPresent()) {
            return "127.0.0.1:" + port.getAsInt();
        }
        throw new IllegalStateException("No Kafka to publish to: give --bootstrap-servers HOST:PORT, or start the "
                + "embedded pipeline with './newswire run' in another terminal.");
    }

    /** One file or directory handed to a {@link CrawlIngester}. */
    @FunctionalInterface
    interface PathIngest {
        void ingest(CrawlIngester ingester, Path path) throws IOException;
    }

    /**
     * Publishes every path through one {@link CrawlIngester} to news.raw (creating the topics when configured),
     * with progress and a summary on stderr.
     *
     * @return the exit code: 0 when something was published or there was nothing to read, 1 otherwise
     */
    int publish(java.util.List<Path> paths, String defaultCrawler, PathIngest ingest) throws IOException {
        Map<String, Object> props = clientProps();
        ensureTopics(props);
        try (PagePublisher publisher = new PagePublisher(props)) {
            CrawlIngester ingester = new CrawlIngester(publisher, maxPageBytes, crawlerOr(defaultCrawler),
                    CrawlIngester.printingTo(System.err), false);
            for (Path p : paths) {
                ingest.ingest(ingester, p);
            }
            CrawlSummary summary = ingester.finish();
            System.err.println("Done: " + summary);
            return summary.published() > 0 || summary.read() == 0 ? 0 : 1;
        }
    }
}
