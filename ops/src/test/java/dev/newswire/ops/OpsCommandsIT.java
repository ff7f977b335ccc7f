package dev.newswire.ops;

import static dev.newswire.ops.TestArticles.article;
import static dev.newswire.ops.TestArticles.person;
import static dev.newswire.ops.TestArticles.place;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newswire.embedded.EmbeddedKafka;
import dev.newswire.model.Article;
import dev.newswire.model.Json;
import dev.newswire.model.TopicAdmin;
import dev.newswire.model.Topics;
import dev.newswire.ops.dlq.DlqCommand;
import dev.newswire.ops.status.StatusCommand;
import dev.newswire.ops.watch.WatchCommand;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * watch, status and the unreachable-broker error on a real embedded broker. Articles are written the way enrich
 * writes them: in Kafka transactions, so the topic has transaction markers like the real news.articles.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES) // a safety net against a hung broker, not a timed assertion
class OpsCommandsIT {

    static final Article KIM = article("https://news.example.com/world/kim-putin", "Kim and Putin sign a pact", "en",
            "Kim Jong Un and Vladimir Putin signed a pact in Pyongyang on Wednesday.",
            person("Kim Jong Un", "Kim Jong Un"), person("Vladimir Putin", "Vladimir Putin"), place("Pyongyang", "Pyongyang"));
    static final Article SISTER = article("https://news.example.com/world/kim-yo-jong", "Kim Yo Jong warns Seoul", "en",
            "Kim Yo Jong, the leader's sister, warned Seoul about leaflets.",
            person("Kim Yo Jong", "Kim Yo Jong"), place("Seoul", "Seoul"));
    static final Article RHINE = article("https://www.zeitung.example.de/rhein-pegel", "Niedrigwasser am Rhein", "de",
            "Bei Kaub zeigt der Pegel am Rhein nur noch 80 Zentimeter.", place("Rhine", "Rhein"), place("Kaub", "Kaub"));

    static EmbeddedKafka kafka;
    static String bootstrap;

    @BeforeAll
    static void startBroker() throws Exception {
        kafka = EmbeddedKafka.startTemporary();
        bootstrap = kafka.bootstrapServers();
        TopicAdmin.ensureTopics(Map.of("bootstrap.servers", bootstrap), 3, (short) 1);
        publishInTransaction(List.of(KIM, SISTER, RHINE));
    }

    @AfterAll
    static void stopBroker() {
        if (kafka != null) {
            kafka.close();
        }
    }

    static void publishInTransaction(List<Article> articles) {
        Map<String, Object> p = new HashMap<>();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "ops-it-" + System.nanoTime());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer())) {
            producer.initTransactions();
            for (Article a : articles) {
                producer.beginTransaction();
                producer.send(new ProducerRecord<>(Topics.ARTICLES, a.id(), Json.write(a)));
                producer.commitTransaction();
            }
        }
    }

    @Test
    void watchWithAnEntityShowsTheMatchingArticleAndNotTheOthers() {
        OpsCli.Result r = OpsCli.run(new WatchCommand(), "--bootstrap-servers", bootstrap, "news.articles",
                "--from-beginning", "--until-end", "--entity", "Kim Jong Un");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("Kim and Putin sign a pact"), r.toString());
        assertTrue(r.out().contains("People: Kim Jong Un (1), Vladimir Putin (1)"), r.toString());
        assertTrue(r.out().contains("Places: Pyongyang (1)"), r.toString());
        assertFalse(r.out().contains("Kim Yo Jong"), "another Kim is another person: " + r);
        assertFalse(r.out().contains("Rhein"), r.toString());
        assertTrue(r.err().contains("3 records read, 1 shown"), "progress and summary on stderr: " + r);
    }

    @Test
    void watchFiltersByLanguageHostGrepAndPrintsJsonLines() throws Exception {
        OpsCli.Result german = OpsCli.run(new WatchCommand(), "-b", bootstrap, "news.articles", "--from-beginning",
                "--until-end", "--language", "de", "--json");
        assertEquals(0, german.code(), german.toString());
        List<String> lines = german.out().lines().toList();
        assertEquals(1, lines.size(), german.toString());
        JsonNode node = Json.MAPPER.readTree(lines.get(0));
        assertEquals("article", node.get("kind").asText());
        assertEquals(RHINE.id(), node.get("key").asText());
        assertEquals("Niedrigwasser am Rhein", node.at("/value/title").asText());

        OpsCli.Result byHost = OpsCli.run(new WatchCommand(), "-b", bootstrap, "news.articles", "--from-beginning",
                "--until-end", "--host", "example.com", "--grep", "(?i)LEAFLETS");
        assertTrue(byHost.out().contains("Kim Yo Jong warns Seoul"), byHost.toString());
        assertFalse(byHost.out().contains("Kim and Putin"), byHost.toString());
    }

    @Test
    void watchStartsAtTheEndByDefaultAndShowsNewRecords() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CompletableFuture<OpsCli.Result> watching = CompletableFuture.supplyAsync(() -> OpsCli.run(new WatchCommand(),
                out, err, "-b", bootstrap, "news.articles", "--max", "1", "--timeout", "2m"));
        while (!err.toString().contains("watching news.articles") && !watching.isDone()) {
            Thread.sleep(50); // positioned at the end once it says so
        }
        Article fresh = article("https://news.example.com/live/1", "Fresh off the wire", "en",
                "Emmanuel Macron spoke in Paris.", person("Emmanuel Macron", "Emmanuel Macron"), place("Paris", "Paris"));
        publishInTransaction(List.of(fresh));
        OpsCli.Result r = watching.get();
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("Fresh off the wire"), r.toString());
        assertFalse(r.out().contains("Kim and Putin"), "older records are not replayed: " + r);
    }

    @Test
    void statusShowsLagUntilTheGroupHasConsumedEverythingThenZero() throws Exception {
        Map<String, Object> c = new HashMap<>();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, "ops-it-readers");
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(c, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.ARTICLES));
            // join the group and commit the start: everything is lag
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(100));
            }
            consumer.seekToBeginning(consumer.assignment());
            Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> start = new HashMap<>();
            for (var tp : consumer.assignment()) {
                start.put(tp, new org.apache.kafka.clients.consumer.OffsetAndMetadata(consumer.position(tp)));
            }
            consumer.commitSync(start);
            long records = countArticles();
            JsonNode before = statusJson();
            assertEquals(records, groupLag(before, "ops-it-readers"), before.toPrettyString());

            long seen = 0;
            while (seen < records) {
                seen += consumer.poll(Duration.ofMillis(200)).count();
            }
            consumer.commitSync();
            JsonNode after = statusJson();
            assertEquals(0, groupLag(after, "ops-it-readers"), after.toPrettyString());
            JsonNode group = group(after, "ops-it-readers");
            assertEquals("stable", group.get("state").asText());
            assertEquals(1, group.get("members").asInt());
            group.get("partitions").forEach(p -> assertEquals(0, p.get("lag").asLong(), p.toString()));

            OpsCli.Result text = OpsCli.run(new StatusCommand(), "-b", bootstrap);
            assertEquals(0, text.code(), text.toString());
            assertTrue(text.out().contains("news.articles"), text.out());
            assertTrue(text.out().matches("(?s).*ops-it-readers\\s+stable\\s+1\\s+news\\.articles\\s+0:0 1:0 2:0\\s+0\\n.*"), text.out());
            assertTrue(text.out().contains("newswire-enrich          dead"), "expected pipeline groups are reported: " + text.out());
            System.out.println(text.out());
        }
    }

    @Test
    void everyCommandSaysClearlyWhenTheBrokerIsUnreachable() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        String address = "127.0.0.1:" + closedPort;
        for (Object command : List.of(new StatusCommand(), new WatchCommand(), new DlqCommand())) {
            String[] args = command instanceof WatchCommand ? new String[]{"-b", address, "news.articles"} : new String[]{"-b", address};
            OpsCli.Result r = OpsCli.run(command, args);
            assertEquals(2, r.code(), r.toString());
            assertTrue(r.err().contains("Cannot reach Kafka at " + address + " within 5 s"), r.toString());
            assertTrue(r.err().lines().count() <= 3, "one clear line, no stack trace: " + r);
            System.out.println(command.getClass().getSimpleName() + " against a closed port: " + r.millis() + " ms: " + r.err().strip());
        }
    }

    private static long countArticles() {
        OpsCli.Result r = OpsCli.run(new WatchCommand(), "-b", bootstrap, "news.articles", "--from-beginning", "--until-end", "--json");
        return r.out().lines().count();
    }

    private static JsonNode statusJson() throws Exception {
        OpsCli.Result r = OpsCli.run(new StatusCommand(), "-b", bootstrap, "--json");
        assertEquals(0, r.code(), r.toString());
        return Json.MAPPER.readTree(r.out().getBytes(StandardCharsets.UTF_8));
    }

    static JsonNode group(JsonNode status, String id) {
        for (JsonNode g : status.get("groups")) {
            if (g.get("groupId").asText().equals(id)) {
                return g;
            }
        }
        throw new AssertionError("no group " + id + " in " + status.toPrettyString());
    }

    static long groupLag(JsonNode status, String id) {
        return group(status, id).get("totalLag").asLong();
    }
}
