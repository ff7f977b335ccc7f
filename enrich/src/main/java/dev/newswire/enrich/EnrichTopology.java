package dev.newswire.enrich;

import dev.newswire.model.Article;
import dev.newswire.model.DeadLetters;
import dev.newswire.model.Json;
import dev.newswire.model.PayloadException;
import dev.newswire.model.RawPage;
import dev.newswire.model.Topics;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * news.raw → enrich → news.articles, and news.dlq for every record that cannot become an article (invalid JSON,
 * unknown schema version, undecodable body, HTTP errors, unexpected failures), with the original key and value and
 * the reason and provenance in headers. No record is dropped silently, and a bad record never stops the stream.
 */
public final class EnrichTopology {

    static final String SOURCE = "raw-pages";
    static final String PROCESSOR = "enrich";
    static final String ARTICLES_SINK = "articles";
    static final String DLQ_SINK = "dead-letters";
    static final String STAGE = "enrich";

    private EnrichTopology() {
    }

    /** Builds the topology; no I/O. */
    public static Topology build(ArticleEnricher enricher) {
        Topology topology = new Topology();
        topology.addSource(SOURCE, new StringDeserializer(), new ByteArrayDeserializer(), Topics.RAW);
        topology.addProcessor(PROCESSOR, () -> new EnrichProcessor(enricher), SOURCE);
        topology.addSink(ARTICLES_SINK, Topics.ARTICLES, new StringSerializer(), new ByteArraySerializer(), PROCESSOR);
        topology.addSink(DLQ_SINK, Topics.DLQ, new StringSerializer(), new ByteArraySerializer(), PROCESSOR);
        return topology;
    }

    /** Parses, enriches and routes one record. */
    static final class EnrichProcessor implements Processor<String, byte[], String, byte[]> {

        private static final Logger LOG = LoggerFactory.getLogger(EnrichProcessor.class);
        private final ArticleEnricher enricher;
        private ProcessorContext<String, byte[]> context;

        EnrichProcessor(ArticleEnricher enricher) {
            this.enricher = enricher;
        }

        @Override
        public void init(ProcessorContext<String, byte[]> context) {
            this.context = context;
        }

        @Override
        public void process(Record<String, byte[]> record) {
            try {
                RawPage page = Json.readRawPage(record.value());
                Article article = enricher.enrich(page);
                context.forward(new Record<>(article.id(), Json.write(article), record.timestamp()), ARTICLES_SINK);
            } catch (PayloadException e) {
                deadLetter(record, e.reason(), e);
            } catch (EnrichmentException e) {
                deadLetter(record, e.reason(), e);
            } catch (RuntimeException | StackOverflowError e) {
                // A bug or a pathological page: park it with its stack trace, keep the stream going.
                deadLetter(record, "enrich-failed", e);
            }
        }

        private void deadLetter(Record<String, byte[]> record, String reason, Throwable error) {
            RecordMetadata md = context.recordMetadata().orElse(null);
            String topic = md == null ? Topics.RAW : md.topic();
            int partition = md == null ? -1 : md.partition();
            long offset = md == null ? -1 : md.offset();
            LOG.warn("Dead letter from {}-{}@{} (key {}): {}: {}", topic, partition, offset, record.key(), reason,
                    error.getMessage());
            Record<String, byte[]> dead = record.withHeaders(record.headers());
            DeadLetters.addProvenance(dead.headers(), STAGE, reason, error, topic, partition, offset);
            context.forward(dead, DLQ_SINK);
        }
    }
}
