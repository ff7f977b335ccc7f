package dev.newswire.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * One node of an {@link EmbeddedCluster} in a JVM of its own: {@code java -cp <the project's jars>
 * dev.newswire.embedded.BrokerMain DIR}. Reads {@code DIR/server.properties} and {@code DIR/cluster.id}, formats the
 * storage on first use, starts the broker (KRaft, broker and controller in one node), writes {@code DIR/broker.pid},
 * and runs until it is stopped (SIGTERM: a clean shutdown) or killed.
 */
public final class BrokerMain {

    static final String SERVER_PROPERTIES = "server.properties";
    static final String CLUSTER_ID = "cluster.id";
    static final String PID_FILE = "broker.pid";

    private BrokerMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: BrokerMain DIR (with DIR/server.properties and DIR/cluster.id)");
            System.exit(2);
        }
        Path dir = Path.of(args[0]).toAbsolutePath();
        Properties props = new Properties();
        try (InputStream in = Files.newInputStream(dir.resolve(SERVER_PROPERTIES))) {
            props.load(in);
        }
        String clusterId = Files.readString(dir.resolve(CLUSTER_ID)).strip();
        Path logDir = Path.of(props.getProperty("log.dirs"));
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            format(logDir, Integer.parseInt(props.getProperty("node.id")), clusterId);
        }
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props), Time.SYSTEM);
        Path pidFile = dir.resolve(PID_FILE);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdown();
            server.awaitShutdown();
            try {
                Files.deleteIfExists(pidFile);
            } catch (IOException e) {
                // the next start checks the process anyway
            }
        }, "broker-shutdown"));
        server.startup();
        Files.writeString(pidFile, ProcessHandle.current().pid() + "\n");
        System.err.println("broker " + props.getProperty("node.id") + " up: " + props.getProperty("listeners"));
        server.awaitShutdown();
    }

    /** Formats a node's storage for KRaft (what {@code kafka-storage.sh format} does): this node and cluster id. */
    static void format(Path logDir, int nodeId, String clusterId) throws Exception {
        Files.createDirectories(logDir);
        new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setNodeId(nodeId)
                .setClusterId(clusterId)
                .setDirectories(List.of(logDir.toString()))
                .setMetadataLogDirectory(logDir.toString())
                .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                .setControllerListenerName("CONTROLLER")
                .run();
    }
}
