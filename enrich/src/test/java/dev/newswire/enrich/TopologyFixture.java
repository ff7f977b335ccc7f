package dev.newswire.enrich;

import dev.newswire.dedup.DedupSettings;
import dev.newswire.embedded.Directories;
import dev.newswire.extract.Extractor;
import dev.newswire.model.Topics;
import dev.newswire.tagger.Tagger;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * The enrich topology in a {@link TopologyTestDriver} with its input and output topics, and a state directory of its
 * own, deleted on {@link #close()}. The tagger's models are loaded once for all the tests of the JVM.
 */
final class TopologyFixture implements AutoCloseable {

    private static final Tagger TAGGER = Tagger.load();

    final TopologyTestDriver driver;
    final TestInputTopic<String, byte[]> raw;
    final TestOutputTopic<String, byte[]> articles;
    final TestOutputTopic<String, byte[]> dlq;
    private final Path stateDir;

    TopologyFixture(String applicationId) {
        this(applicationId, 1024 * 1024);
    }

    TopologyFixture(String applicationId, int maxBodyBytes) {
        ArticleEnricher enricher = new ArticleEnricher(Extractor.create(), TAGGER, maxBodyBytes);
        try {
            stateDir = Directories.createTemporary("newswire-topology-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(EnrichTopology.build(enricher, DedupSettings.DEFAULTS), p);
        raw = driver.createInputTopic(Topics.RAW, new StringSerializer(), new ByteArraySerializer());
        articles = driver.createOutputTopic(Topics.ARTICLES, new StringDeserializer(), new ByteArrayDeserializer());
        dlq = driver.createOutputTopic(Topics.DLQ, new StringDeserializer(), new ByteArrayDeserializer());
    }

    @Override
    public void close() {
        try {
            driver.close();
        } finally {
            Directories.delete(stateDir);
        }
    }
}
