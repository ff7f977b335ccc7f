package dev.newswire.embedded;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apache Kafka broker (KRaft, broker and controller in one node) running in this JVM, with its data in a
 * directory that survives restarts. Used by the launcher's embedded default and by the integration tests.
 *
 * <pre>{@code
 * try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDir, 0)) {
 *     String bootstrap = kafka.bootstrapServers();
 * }
 * }</pre>
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final String PORTS_FILE = dev.newswire.model.EmbeddedDefault.PORTS_FILE;
    /** The segment size of the embedded broker's logs: what it re-reads of each partition after a crash, at most. */
    static final int SEGMENT_BYTES = 64 * 1024 * 1024;

    private final Path dataDir;
    private final int brokerPort;
    private final int controllerPort;
    /** Whether this broker owns its directory and deletes it on {@link #close()}. */
    private final boolean temporary;
    private KafkaRaftServer server;

    private EmbeddedKafka(Path dataDir, int brokerPort, int controllerPort, boolean temporary) {
        this.dataDir = dataDir;
        this.brokerPort = brokerPort;
        this.controllerPort = controllerPort;
        this.temporary = temporary;
    }

    /**
     * Starts a broker with its data under {@code dataDir}, formatting the storage on first use.
     *
     * @param dataDir    where logs and metadata live; reused on restart
     * @param brokerPort the client port, or 0 to reuse the port this directory had before, else a free one
     */
    public static EmbeddedKafka start(Path dataDir, int brokerPort) throws IOException {
        return start(dataDir, brokerPort, false);
    }

    /**
     * Starts a broker on a fresh temporary directory with free ports (for tests). The broker owns the directory:
     * {@link #close()} deletes it.
     */
    public static EmbeddedKafka startTemporary() throws IOException {
        return Directories.startInTemporary("newswire-kafka-", dir -> start(dir, 0, true));
    }

    private static EmbeddedKafka start(Path dataDir, int brokerPort, boolean temporary) throws IOException {
        Files.createDirectories(dataDir);
        Properties saved = new Properties();
        Path portsFile = dataDir.resolve(PORTS_FILE);
        if (Files.exists(portsFile)) {
            try (var in = Files.newInputStream(portsFile)) {
                saved.load(in);
            }
        }
        int broker = brokerPort != 0 ? brokerPort : Integer.parseInt(saved.getProperty("broker", "0"));
        if (broker == 0) {
            broker = freePort();
        }
        int controller = Integer.parseInt(saved.getProperty("controller", "0"));
        // A port just released may be handed out again at once: ask until the controller's differs from the broker's.
        while (controller == 0 || controller == broker) {
            controller = freePort();
        }
        saved.setProperty("broker", Integer.toString(broker));
        saved.setProperty("controller", Integer.toString(controller));
        try (var out = Files.newOutputStream(portsFile)) {
            saved.store(out, "ports of the embedded broker; kept so restarts keep the same address");
        }
        EmbeddedKafka kafka = new EmbeddedKafka(dataDir, broker, controller, temporary);
        kafka.startServer();
        return kafka;
    }

    private void startServer() throws IOException {
        Path logDir = dataDir.resolve("kafka-logs");
        Properties props = brokerProperties(logDir);
        KafkaConfig config = KafkaConfig.fromProps(props);
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            format(logDir);
        }
        long t0 = System.nanoTime();
        server = new KafkaRaftServer(config, Time.SYSTEM);
        try {
            server.startup();
        } catch (RuntimeException e) {
            throw new IOException("embedded Kafka broker failed to start on port " + brokerPort
                    + " (is another process using it?): " + e.getMessage(), e);
        }
        LOG.info("Embedded Kafka broker up at {} in {} ms (data in {})", bootstrapServers(),
                (System.nanoTime() - t0) / 1_000_000, dataDir);
    }

    private Properties brokerProperties(Path logDir) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        // One node: every internal topic has one replica.
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "5");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("num.partitions", "1");
        p.put("message.max.bytes", Integer.toString(dev.newswire.model.Topics.MAX_MESSAGE_BYTES + 1024));
        // After a crash the old registration blocks a restart until the session times out: keep it short.
        p.put("broker.session.timeout.ms", "1500");
        p.put("broker.heartbeat.interval.ms", "500");
        // After a crash (no clean-shutdown marker) the broker re-reads every segment from the last flushed one, and
        // the log is flushed when a segment rolls: so a partition's whole active segment is re-read (CRCs, indexes,
        // producer state, which is also snapshotted at each roll). 64 MB instead of 1 GB bounds that work; a
        // segment must still hold the largest batch (message.max.bytes above, about 16 MB).
        p.put("log.segment.bytes", Integer.toString(SEGMENT_BYTES));
        // The log cleaner allocates its dedupe buffer (128 MB by default) while the broker starts. The compacted
        // topics here (offsets, transactions, the enrich changelogs) are small; a buffer too small for a pass
        // only makes the cleaner map and clean in several passes.
        p.put("log.cleaner.dedupe.buffer.size", Integer.toString(16 * 1024 * 1024));
        return p;
    }

    private void format(Path logDir) throws IOException {
        Files.createDirectories(logDir);
        try {
            BrokerMain.format(logDir, 1, Uuid.randomUuid().toString());
        } catch (Exception e) {
            throw new IOException("cannot format Kafka storage in " + logDir + ": " + e.getMessage(), e);
        }
    }

    /** host:port for clients. */
    public String bootstrapServers() {
        return "127.0.0.1:" + brokerPort;
    }

    /** The data directory. */
    public Path dataDir() {
        return dataDir;
    }

    /** Stops the broker cleanly; {@link #restart()} starts it again on the same directory. */
    public void stop() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    /** Stops the broker, and deletes its directory when it is a temporary one ({@link #startTemporary()}). */
    @Override
    public void close() {
        stop();
        if (temporary) {
            Directories.delete(dataDir);
        }
    }

    /** Restarts the broker in place (same directory, same ports). */
    public void restart() throws IOException {
        stop();
        startServer();
    }

    /** A free TCP port on the loopback interface. */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }
}
