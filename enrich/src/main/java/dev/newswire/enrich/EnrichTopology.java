package dev.newswire.enrich;

import dev.newswire.dedup.DedupSettings;
import dev.newswire.metrics.Metrics;
import dev.newswire.model.Article;
import dev.newswire.model.Json;
import dev.newswire.model.PayloadException;
import dev.newswire.model.RawPage;
import dev.newswire.model.Serdes;
import dev.newswire.model.Topics;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * news.raw → enrich → news.enriched → stories → news.articles, and news.dlq for every record that cannot become an
 * article (invalid JSON, unknown schema version, undecodable body, HTTP errors, unexpected failures), with the
 * original key and value and the reason and provenance in headers. No record is dropped silently, and a bad record never stops the stream.
 */
public final class EnrichTopology {

    static final String SOURCE = "raw-pages";
    static final String PROCESSOR = "enrich";
    static final String ARTICLES_SINK = "articles";
    static final String ENRICHED_SINK = "enriched";
    static final String STORY_SOURCE = "enriched-articles";
    static final String STORY_PROCESSOR = "stories";
    static final String STORY_DLQ_SINK = "story-dead-letters";
    static final String DLQ_SINK = "dead-letters";
    static final String STAGE = EnrichDeadLetters.STAGE;

    private EnrichTopology() {
    }

    /**
     * Builds the topology; no I/O. news.raw → enrich → {@link Topics#ENRICHED} (one partition) → story assignment
     * with its state stores → news.articles; dead letters from both steps to news.dlq.
     *
     * @param dedup settings of the story assignment (thresholds, retention window)
     */
    public static Topology build(ArticleEnricher enricher, DedupSettings dedup) {
        Topology topology = new Topology();
        topology.addSource(SOURCE, Serdes.key().deserializer(), Serdes.bytes().deserializer(), Topics.RAW);
        topology.addProcessor(PROCESSOR, () -> new EnrichProcessor(enricher), SOURCE);
        topology.addSink(ENRICHED_SINK, Topics.ENRICHED, Serdes.key().serializer(), Serdes.bytes().serializer(), PROCESSOR);
        topology.addSink(DLQ_SINK, Topics.DLQ, Serdes.key().serializer(), Serdes.bytes().serializer(), PROCESSOR);
        topology.addSource(STORY_SOURCE, Serdes.key().deserializer(), Serdes.bytes().deserializer(), Topics.ENRICHED);
        topology.addProcessor(STORY_PROCESSOR, () -> new StoryProcessor(dedup, ARTICLES_SINK, STORY_DLQ_SINK), STORY_SOURCE);
        for (StoreBuilder<?> store : StoryStores.builders()) {
            topology.addStateStore(store, STORY_PROCESSOR);
        }
        topology.addSink(ARTICLES_SINK, Topics.ARTICLES, Serdes.key().serializer(), Serdes.bytes().serializer(), STORY_PROCESSOR);
        topology.addSink(STORY_DLQ_SINK, Topics.DLQ, Serdes.key().serializer(), Serdes.bytes().serializer(), STORY_PROCESSOR);
        return topology;
    }

    /** Parses, enriches and routes one record. */
    static final class EnrichProcessor implements Processor<String, byte[], String, byte[]> {

        private static final Metrics METRICS = Metrics.global();
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
            long start = System.nanoTime();
            METRICS.recordIn(STAGE);
            StepTimes.page();
            try {
                long t = StepTimes.now();
                RawPage page = Json.readRawPage(record.value());
                StepTimes.record(StepTimes.Step.READ, t);
                Article article = enricher.enrich(page);
                t = StepTimes.now();
                byte[] json = Json.write(article);
                StepTimes.record(StepTimes.Step.SERIALISE, t);
                context.forward(new Record<>(article.id(), json, record.timestamp()), ENRICHED_SINK);
                METRICS.recordOut(STAGE);
            } catch (PayloadException e) {
                deadLetter(record, e.reason(), e);
            } catch (EnrichmentException e) {
                deadLetter(record, e.reason(), e);
            } catch (RuntimeException | StackOverflowError e) {
                // A bug or a pathological page: park it with its stack trace, keep the stream going.
                deadLetter(record, EnrichDeadLetters.ESCAPED, e);
            } finally {
                METRICS.processed(STAGE, System.nanoTime() - start);
            }
        }

        private void deadLetter(Record<String, byte[]> record, String reason, Throwable error) {
            EnrichDeadLetters.forward(context, DLQ_SINK, Topics.RAW, record, reason, error);
        }
    }
}
