package dev.newswire.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.newswire.embedded.EmbeddedKafka;
import dev.newswire.model.Article;
import dev.newswire.model.CommonConfig;
import dev.newswire.model.Json;
import dev.newswire.model.TopicAdmin;
import dev.newswire.model.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The story index survives an enrich restart, on a real broker: the first instance sees the original and stops; a
 * new instance with the same application id and an empty state directory (so the index can only come from the
 * changelog topics) sees a copy, which joins the original's story.
 */
class StoryRestartIT {

    @TempDir
    Path tmp;

    @Test
    void aCopySentAfterARestartJoinsTheStorySeenBeforeIt() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.startTemporary()) {
            Map<String, Object> client = Map.of(CommonConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers());
            TopicAdmin.ensureTopics(client, 3, (short) 1);
            Map<String, String> settings = new HashMap<>();
            settings.put(CommonConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers());
            settings.put(EnrichConfig.APPLICATION_ID, "story-restart-it");
            settings.put(EnrichConfig.STATE_DIR, tmp.resolve("first").toString());
            Instant t0 = Instant.now();

            try (KafkaConsumer<String, byte[]> consumer = articlesConsumer(kafka.bootstrapServers());
                 KafkaProducer<String, byte[]> producer = producer(kafka.bootstrapServers())) {
                try (EnrichApp first = EnrichApp.start(new EnrichConfig(settings))) {
                    send(producer, ApStoryVariants.ORIGINAL_URL, ApStoryVariants.original(), t0);
                    Article original = readArticles(consumer, 1).get(0);
                    assertEquals(original.id(), original.storyId());
                }

                settings.put(EnrichConfig.STATE_DIR, tmp.resolve("second").toString());
                try (EnrichApp second = EnrichApp.start(new EnrichConfig(settings))) {
                    send(producer, ApStoryVariants.AGGREGATOR_URL, ApStoryVariants.aggregatorCopy(), t0.plusSeconds(60));
                    Article copy = readArticles(consumer, 1).get(0);
                    assertEquals(ApStoryVariants.AGGREGATOR_URL, copy.canonicalUrl());
                    String originalId = dev.newswire.model.Keys.articleId(ApStoryVariants.ORIGINAL_URL);
                    assertEquals(originalId, copy.storyId(), "joined the story seen before the restart");
                    assertEquals(originalId, copy.duplicateOf());
                }
            }
        }
    }

    private static void send(KafkaProducer<String, byte[]> producer, String url, String html, Instant at) throws Exception {
        producer.send(new ProducerRecord<>(Topics.RAW, null, at.toEpochMilli(), url,
                ApStoryVariants.page(url, html, at))).get();
    }

    private static KafkaProducer<String, byte[]> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topics.MAX_MESSAGE_BYTES),
                new StringSerializer(), new ByteArraySerializer());
    }

    private static KafkaConsumer<String, byte[]> articlesConsumer(String bootstrap) {
        KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "story-restart-it-reader",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer());
        c.subscribe(List.of(Topics.ARTICLES));
        return c;
    }

    /** The next {@code n} articles; gives up after two minutes (a bound against a hang, not a timing assertion). */
    private static List<Article> readArticles(KafkaConsumer<String, byte[]> consumer, int n) {
        List<Article> out = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (out.size() < n && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                out.add(Json.readArticle(r.value()));
            }
        }
        assertEquals(n, out.size(), "articles read from news.articles");
        return out;
    }
}
