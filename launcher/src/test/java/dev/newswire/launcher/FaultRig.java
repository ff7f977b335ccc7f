package dev.newswire.launcher;

import dev.newswire.embedded.TopicReader;

import dev.newswire.embedded.Directories;
import dev.newswire.embedded.EmbeddedDatabase;
import dev.newswire.embedded.EmbeddedKafka;
import dev.newswire.enrich.EnrichConfig;
import dev.newswire.ingest.KeyedPage;
import dev.newswire.ingest.PagePublisher;
import dev.newswire.model.Json;
import dev.newswire.model.Keys;
import dev.newswire.model.RawPage;
import dev.newswire.model.TopicAdmin;
import dev.newswire.model.Topics;
import dev.newswire.sink.SinkConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A fresh broker and database for one fault scenario, with helpers to feed pages, run stages as separate JVMs
 * (so they can be killed for real) and count what arrived. The rig owns one temporary directory for everything,
 * the temporary files of the JVMs it starts included (a JVM killed with -9 leaves its RocksDB library behind), and
 * deletes it on {@link #close()}, whatever the scenario's outcome.
 */
final class FaultRig implements AutoCloseable {

    static final int PARTITIONS = 3;
    final Path dir;
    final EmbeddedKafka kafka;
    final Path dbDir;
    final int dbPort;
    EmbeddedDatabase db;
    private final List<Process> processes = new ArrayList<>();

    FaultRig(String name) throws Exception {
        dir = Directories.createTemporary("newswire-faults-" + name);
        EmbeddedKafka k = null;
        try {
            k = EmbeddedKafka.start(dir.resolve("kafka"), 0);
            dbDir = dir.resolve("pgdata");
            db = EmbeddedDatabase.start(dbDir, 0);
            dbPort = db.port();
            TopicAdmin.ensureTopics(Map.of("bootstrap.servers", k.bootstrapServers()), PARTITIONS, (short) 1);
        } catch (Exception | Error e) {
            if (k != null) {
                k.close();
            }
            if (db != null) {
                db.close();
            }
            Directories.delete(dir);
            throw e;
        }
        kafka = k;
    }

    Map<String, String> settings() {
        Map<String, String> s = new HashMap<>();
        s.put("bootstrap.servers", kafka.bootstrapServers());
        s.put(SinkConfig.JDBC_URL, db.jdbcUrl());
        s.put(SinkConfig.RETRY_BACKOFF_MS, "200");
        s.put(EnrichConfig.STATE_DIR, dir.resolve("streams").toString());
        return s;
    }

    static String url(String scenario, int i) {
        return "https://faults.example/" + scenario + "/" + i;
    }

    /** A small but real news page, different for every i. */
    static byte[] page(String scenario, int i) {
        String[] cities = {"Seoul", "Pyongyang", "Berlin", "Nairobi", "Lima", "Jakarta", "Toronto"};
        String[] people = {"Kim Jong Un", "Olaf Scholz", "William Ruto", "Joko Widodo", "Justin Trudeau"};
        String city = cities[i % cities.length];
        String person = people[i % people.length];
        String html = "<html><head><title>Story " + i + "</title><link rel=\"canonical\" href=\"" + url(scenario, i) + "\"></head>"
                + "<body><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav><article><h1>Talks in " + city + ", story " + i + "</h1>"
                + "<p>" + city.toUpperCase() + " — " + person + " met officials on Tuesday to discuss trade and security, "
                + "in the meeting numbered " + i + " of the series, according to people familiar with the talks.</p>"
                + "<p>The officials said the next round would take place within weeks, and that both sides expected "
                + "progress on shipping, energy and the exchange of prisoners before the end of the year.</p>"
                + "</article><footer>© 2026 Example News</footer></body></html>";
        return html.getBytes(StandardCharsets.UTF_8);
    }

    /** Publishes n pages of the scenario and waits for the acknowledgements. */
    void feed(String scenario, int n) {
        try (PagePublisher p = new PagePublisher(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            List<CompletableFuture<?>> acks = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                acks.add(p.publish(KeyedPage.of(RawPage.of(url(scenario, i), Instant.parse("2026-11-01T00:00:00Z").plusSeconds(i), 200,
                        Map.of("content-type", "text/html; charset=utf-8"), page(scenario, i), "faults"))));
            }
            CompletableFuture.allOf(acks.toArray(new CompletableFuture[0])).join();
        }
    }

    /** Starts {@code newswire <command>} in its own JVM against this rig. */
    Process launch(String command, Map<String, String> extra) throws IOException {
        Path jar = Path.of(System.getProperty("newswire.home", "..")).resolve("launcher/target/newswire.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("launcher jar missing: " + jar + " (mvn package builds it before the ITs)");
        }
        List<String> args = new ArrayList<>(List.of("-jar", jar.toString(), command));
        Map<String, String> s = settings();
        s.putAll(extra);
        s.forEach((k, v) -> {
            args.add("--set");
            args.add(k + "=" + v);
        });
        return start(command, args);
    }

    /** Starts a test class's {@code main} in its own JVM with this test's class path, then {@code args} and the rig's settings as KEY=VALUE. */
    Process launchMain(Class<?> main, List<String> args, Map<String, String> extra) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        cmd.addAll(args);
        Map<String, String> s = settings();
        s.putAll(extra);
        s.forEach((k, v) -> cmd.add(k + "=" + v));
        return start(main.getSimpleName(), cmd);
    }

    private Process start(String name, List<String> args) throws IOException {
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx512m",
                "-Djava.io.tmpdir=" + tmp));
        cmd.addAll(args);
        Path log = dir.resolve(name + "-" + processes.size() + ".log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        processes.add(p);
        return p;
    }

    long count(String sql) {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl()); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            return -1;
        }
    }

    long storedRows(String scenario) {
        return count("SELECT count(*) FROM articles WHERE url LIKE 'https://faults.example/" + scenario + "/%'");
    }

    static void await(BooleanSupplier condition, Duration timeout, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            Thread.sleep(100);
        }
    }

    /** Every record of a topic as a read_committed consumer sees it. */
    List<ConsumerRecord<String, byte[]>> readCommitted(String topic) {
        return TopicReader.readCommitted(kafka.bootstrapServers(), topic);
    }

    /** How many times each article id of the scenario appears in news.articles (read_committed). */
    /**
     * How many records of each of these pages a read_committed consumer sees in {@code topic}, by article id: the
     * record key, or in news.raw the id of the page's URL. Records of other pages are not counted.
     */
    static Map<String, Integer> countsByPage(String bootstrap, String topic, List<String> urls) {
        return countsByPage(TopicReader.readCommitted(bootstrap, topic), topic, urls);
    }

    /** {@link #countsByPage(String, String, List)} over records already read from {@code topic}. */
    static Map<String, Integer> countsByPage(List<ConsumerRecord<String, byte[]>> records, String topic, List<String> urls) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (String url : urls) {
            ids.add(Keys.articleId(url));
        }
        Map<String, Integer> counts = new HashMap<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            String id = topic.equals(Topics.RAW) ? Keys.articleId(Json.readRawPage(r.value()).url()) : r.key();
            if (ids.contains(id)) {
                counts.merge(id, 1, Integer::sum);
            }
        }
        return counts;
    }

    /**
     * Pages of a scenario that {@code news.raw} (its records, read committed) holds after a page sent later on the same partition (a crawler
     * thread sends page 0, 1, 2, … in order; the idempotent producer must keep that order in every partition, and
     * so for every key, across leader changes and retries).
     */
    static int rawOrderInversions(List<ConsumerRecord<String, byte[]>> rawRecords, String scenario) {
        String prefix = url(scenario, 0).substring(0, url(scenario, 0).length() - 1);
        Map<Integer, Integer> lastByPartition = new HashMap<>();
        int inversions = 0;
        for (ConsumerRecord<String, byte[]> r : rawRecords) {
            String url = Json.readRawPage(r.value()).url();
            if (url.startsWith(prefix)) {
                int i = Integer.parseInt(url.substring(prefix.length()));
                Integer last = lastByPartition.put(r.partition(), i);
                if (last != null && i < last) {
                    inversions++;
                }
            }
        }
        return inversions;
    }

    Map<String, Integer> articleCounts(String scenario, int n) {
        Map<String, String> idToUrl = new HashMap<>();
        for (int i = 0; i < n; i++) {
            idToUrl.put(Keys.articleId(url(scenario, i)), url(scenario, i));
        }
        Map<String, Integer> counts = new HashMap<>();
        for (ConsumerRecord<String, byte[]> r : readCommitted(Topics.ARTICLES)) {
            if (idToUrl.containsKey(r.key())) {
                counts.merge(r.key(), 1, Integer::sum);
                // the record must also be a readable article of that URL
                if (!Json.readArticle(r.value()).canonicalUrl().equals(idToUrl.get(r.key()))) {
                    throw new AssertionError("article " + r.key() + " has the wrong URL");
                }
            }
        }
        return counts;
    }

    long deadLetters() {
        return readCommitted(Topics.DLQ).size();
    }

    @Override
    public void close() throws Exception {
        try {
            for (Process p : processes) {
                p.destroyForcibly().waitFor();
            }
            kafka.close();
            if (db != null) {
                db.close();
            }
        } finally {
            Directories.delete(dir);
        }
    }
}
