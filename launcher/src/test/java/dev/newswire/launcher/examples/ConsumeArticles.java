package dev.newswire.launcher.examples;

import dev.newswire.model.Article;
import dev.newswire.model.Json;
import dev.newswire.model.PayloadException;
import dev.newswire.model.Serdes;
import dev.newswire.model.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * The README's Java consumer: reads {@code news.articles} with the model module (topic name, serdes, the validating
 * reader) and prints each article. Run by {@code DownstreamIT} against a real pipeline.
 */
public final class ConsumeArticles {

    private ConsumeArticles() {
    }

    /** Reads every article up to the current end of the topic. */
    public static List<Article> readAll(String bootstrapServers) {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",   // enrich writes in transactions
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<Article> articles = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, Serdes.key().deserializer(),
                Serdes.bytes().deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ARTICLES).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);   // last stable offsets
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    try {
                        articles.add(Json.readArticle(r.value()));   // checks schemaVersion, ignores unknown fields
                    } catch (PayloadException e) {
                        System.err.println(r.topic() + "/" + r.partition() + "@" + r.offset() + ": " + e.getMessage());
                    }
                }
            }
        }
        return articles;
    }

    public static void main(String[] args) {
        for (Article a : readAll(args.length > 0 ? args[0] : "127.0.0.1:19092")) {
            System.out.println(a.id() + "  " + a.language() + "  " + a.title());
        }
    }
}
