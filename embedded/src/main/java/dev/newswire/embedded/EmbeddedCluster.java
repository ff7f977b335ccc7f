package dev.newswire.embedded;

import dev.newswire.model.EmbeddedDefault;
import dev.newswire.model.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Kafka cluster of several KRaft nodes on this machine, each node (broker and controller) in a JVM of its own
 * started from the project's own class path ({@link BrokerMain}), with one controller quorum of all of them. Each node
 * keeps its data in {@code DIR/kafka-N/} with its settings, its ports ({@code ports.properties}, kept across restarts)
 * and {@code broker.pid}. The pipeline's settings on it: replication factor {@value #REPLICATION} for every topic,
 * internal ones included, {@code min.insync.replicas=2}; the producers use {@code acks=all}.
 *
 * <p>Node JVMs outlive a crash of the process that started them (as brokers on other machines would); the next
 * {@link #start} on the same directory adopts the ones still running (their {@code broker.pid} names a live
 * {@code BrokerMain} of that directory) and starts the others.
 */
public final class EmbeddedCluster implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedCluster.class);
    /** Replicas of every topic on the embedded cluster. */
    public static final int REPLICATION = 3;
    /** In-sync replicas an acks=all write needs. */
    public static final int MIN_INSYNC = 2;
    /**
     * How long the controller waits for a silent node before fencing it (and moving its partitions' leadership). Short,
     * for a quick fail-over; long enough for a loaded 2-core machine not to fence a live node.
     */
    static final int SESSION_TIMEOUT_MS = 3000;
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

    /** One node. */
    public static final class Node {
        final int id;
        final Path dir;
        final int brokerPort;
        final int controllerPort;
        volatile ProcessHandle process;

        Node(int id, Path dir, int brokerPort, int controllerPort) {
            this.id = id;
            this.dir = dir;
            this.brokerPort = brokerPort;
            this.controllerPort = controllerPort;
        }

        public int id() {
            return id;
        }

        public Path dir() {
            return dir;
        }

        public int brokerPort() {
            return brokerPort;
        }

        /** The node's JVM, when it runs. */
        public Optional<ProcessHandle> process() {
            ProcessHandle p = process;
            return p != null && p.isAlive() ? Optional.of(p) : Optional.empty();
        }
    }

    private final Path dataDir;
    private final List<Node> nodes;
    private final List<String> jvmOptions;

    private EmbeddedCluster(Path dataDir, List<Node> nodes, List<String> jvmOptions) {
        this.dataDir = dataDir;
        this.nodes = nodes;
        this.jvmOptions = jvmOptions;
    }

    /** The directory of node {@code id} inside the data directory: {@code kafka-<id>}. */
    public static Path nodeDir(Path dataDir, int id) {
        return dataDir.resolve(EmbeddedDefault.BROKER_DIR + "-" + id);
    }

    /**
     * Starts (or adopts) a cluster of {@code size} nodes in {@code dataDir} and waits until every node is registered.
     *
     * @param jvmOptions extra options for the node JVMs (heap etc.)
     */
    public static EmbeddedCluster start(Path dataDir, int size, List<String> jvmOptions) throws IOException {
        Files.createDirectories(dataDir);
        String clusterId = clusterId(dataDir);
        List<Node> nodes = new ArrayList<>();
        for (int id = 1; id <= size; id++) {
            Path dir = nodeDir(dataDir, id);
            Files.createDirectories(dir);
            Properties ports = load(dir.resolve(EmbeddedDefault.PORTS_FILE));
            int broker = Integer.parseInt(ports.getProperty("broker", "0"));
            int controller = Integer.parseInt(ports.getProperty("controller", "0"));
            List<Integer> taken = nodes.stream().flatMap(n -> java.util.stream.Stream.of(n.brokerPort, n.controllerPort)).toList();
            while (broker == 0 || taken.contains(broker)) {
                broker = EmbeddedKafka.freePort();
            }
            while (controller == 0 || controller == broker || taken.contains(controller)) {
                controller = EmbeddedKafka.freePort();
            }
            ports.setProperty("broker", Integer.toString(broker));
            ports.setProperty("controller", Integer.toString(controller));
            store(ports, dir.resolve(EmbeddedDefault.PORTS_FILE), "ports of this node; kept so restarts keep the same addresses");
            nodes.add(new Node(id, dir, broker, controller));
        }
        String voters = nodes.stream().map(n -> n.id + "@127.0.0.1:" + n.controllerPort).collect(Collectors.joining(","));
        EmbeddedCluster cluster = new EmbeddedCluster(dataDir, nodes, List.copyOf(jvmOptions));
        long t0 = System.nanoTime();
        try {
            for (Node n : nodes) {
                Files.writeString(n.dir.resolve(BrokerMain.CLUSTER_ID), clusterId + "\n");
                store(serverProperties(n, voters, size), n.dir.resolve(BrokerMain.SERVER_PROPERTIES),
                        "settings of node " + n.id + " of the embedded cluster (written by newswire on every start)");
                Optional<ProcessHandle> running = runningNode(n.dir);
                if (running.isPresent()) {
                    LOG.warn("Node {} is still running (pid {}) from an earlier run; adopting it", n.id, running.get().pid());
                    n.process = running.get();
                } else {
                    cluster.launch(n);
                }
            }
            cluster.awaitNodes(nodes.size(), READY_TIMEOUT);
        } catch (IOException | RuntimeException e) {
            cluster.close();
            throw e;
        }
        Properties info = new Properties();
        info.setProperty("bootstrap", cluster.bootstrapServers());
        info.setProperty("nodes", Integer.toString(size));
        store(info, dataDir.resolve(EmbeddedDefault.CLUSTER_FILE), "the embedded cluster of this data directory");
        LOG.info("Embedded Kafka cluster of {} nodes up at {} in {} ms (data in {})", size, cluster.bootstrapServers(),
                (System.nanoTime() - t0) / 1_000_000, dataDir);
        return cluster;
    }

    /**
     * The settings every node of a cluster of {@code size} nodes shares that a production cluster of the same shape
     * must share too: roles, listener names, replication and in-sync minimums of the topics and of Kafka's internal
     * topics, message sizes. {@code docker/docker-compose.yml} sets the same ({@code ComposeFileTest}).
     */
    public static Map<String, String> sharedSettings(int size) {
        String replication = Integer.toString(Math.min(REPLICATION, size));
        String minIsr = Integer.toString(Math.min(MIN_INSYNC, size));
        Map<String, String> p = new java.util.LinkedHashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("default.replication.factor", replication);
        p.put("min.insync.replicas", minIsr);
        p.put("offsets.topic.replication.factor", replication);
        p.put("transaction.state.log.replication.factor", replication);
        p.put("transaction.state.log.min.isr", minIsr);
        p.put("unclean.leader.election.enable", "false");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("message.max.bytes", Integer.toString(Topics.MAX_MESSAGE_BYTES + 1024));
        p.put("replica.fetch.max.bytes", Integer.toString(Topics.MAX_MESSAGE_BYTES + 1024));
        return p;
    }

    private static Properties serverProperties(Node n, String voters, int size) {
        String replication = Integer.toString(Math.min(REPLICATION, size));
        String minIsr = Integer.toString(Math.min(MIN_INSYNC, size));
        Properties p = new Properties();
        p.putAll(sharedSettings(size));
        p.setProperty("node.id", Integer.toString(n.id));
        p.setProperty("controller.quorum.voters", voters);
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + n.brokerPort + ",CONTROLLER://127.0.0.1:" + n.controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + n.brokerPort);
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", n.dir.resolve("kafka-logs").toString());
        // Machine-local choices: fewer internal partitions on a laptop, a quick fail-over.
        p.setProperty("offsets.topic.num.partitions", "5");
        p.setProperty("transaction.state.log.num.partitions", "5");
        p.setProperty("share.coordinator.state.topic.replication.factor", replication);
        p.setProperty("share.coordinator.state.topic.min.isr", minIsr);
        p.setProperty("num.partitions", "1");
        p.setProperty("broker.session.timeout.ms", Integer.toString(SESSION_TIMEOUT_MS));
        p.setProperty("broker.heartbeat.interval.ms", "500");
        return p;
    }

    /** Starts node {@code n}'s JVM. */
    private void launch(Node n) throws IOException {
        Path tmp = Files.createDirectories(n.dir.resolve("tmp"));
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.add("-Xmx256m");
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-Djava.io.tmpdir=" + tmp);
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), BrokerMain.class.getName(), n.dir.toString()));
        Files.deleteIfExists(n.dir.resolve(BrokerMain.PID_FILE));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(n.dir.resolve("broker.log").toFile())).start();
        n.process = p.toHandle();
    }

    /** The node JVM running on {@code dir}, if {@code broker.pid} names a live BrokerMain of that directory. */
    static Optional<ProcessHandle> runningNode(Path dir) throws IOException {
        Path pidFile = dir.resolve(BrokerMain.PID_FILE);
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readString(pidFile).strip());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(p -> p.info().commandLine()
                .map(c -> c.contains(BrokerMain.class.getName()) && c.contains(dir.toString())).orElse(false));
    }

    private void awaitNodes(int expected, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000))) {
            while (true) {
                for (Node n : nodes) {
                    if (n.process == null || !n.process.isAlive()) {
                        throw new IOException("node " + n.id + " of the embedded cluster exited; see " + n.dir.resolve("broker.log"));
                    }
                }
                try {
                    if (admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).size() >= expected) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    // not up yet
                }
                if (System.nanoTime() > deadline) {
                    throw new IOException("the embedded cluster did not come up within " + timeout.toSeconds() + " s");
                }
                Thread.sleep(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the cluster", e);
        }
    }

    /** host:port of every node, for clients. */
    public String bootstrapServers() {
        return nodes.stream().map(n -> "127.0.0.1:" + n.brokerPort).collect(Collectors.joining(","));
    }

    /** The nodes, by id from 1. */
    public List<Node> nodes() {
        return nodes;
    }

    /** Node {@code id}. */
    public Node node(int id) {
        return nodes.get(id - 1);
    }

    /** {@code kill -9} of node {@code id}'s JVM (fault tests). */
    public void kill(int id) throws InterruptedException {
        Node n = node(id);
        ProcessHandle p = n.process;
        if (p != null) {
            p.destroyForcibly();
            p.onExit().join();
        }
    }

    /** Sends a signal (STOP, CONT) to node {@code id}'s JVM (fault tests: a paused, "zombie" node). */
    public void signal(int id, String signal) throws IOException, InterruptedException {
        ProcessHandle p = node(id).process;
        if (p == null) {
            throw new IllegalStateException("node " + id + " is not running");
        }
        new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).inheritIO().start().waitFor();
    }

    /** Starts node {@code id} again (after {@link #kill}) and waits until the cluster has every node again. */
    public void restart(int id) throws IOException {
        Node n = node(id);
        if (n.process().isPresent()) {
            throw new IllegalStateException("node " + id + " is running");
        }
        launch(n);
        awaitNodes(nodes.size(), READY_TIMEOUT);
    }

    /** The data directory. */
    public Path dataDir() {
        return dataDir;
    }

    /** Stops every node cleanly (SIGTERM), killing those that do not stop within 30 s. */
    @Override
    public void close() {
        for (Node n : nodes) {
            if (n.process != null) {
                n.process.destroy();
            }
        }
        for (Node n : nodes) {
            ProcessHandle p = n.process;
            if (p == null) {
                continue;
            }
            try {
                p.onExit().get(30, TimeUnit.SECONDS);
            } catch (TimeoutException | ExecutionException e) {
                p.destroyForcibly();
                p.onExit().join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
        try {
            Files.deleteIfExists(dataDir.resolve(EmbeddedDefault.CLUSTER_FILE));
        } catch (IOException e) {
            LOG.warn("cannot remove {}: {}", dataDir.resolve(EmbeddedDefault.CLUSTER_FILE), e.toString());
        }
    }

    private static String clusterId(Path dataDir) throws IOException {
        Path file = dataDir.resolve(EmbeddedDefault.BROKER_DIR + "-cluster.id");
        if (Files.exists(file)) {
            return Files.readString(file).strip();
        }
        String id = Uuid.randomUuid().toString();
        Files.writeString(file, id + "\n");
        return id;
    }

    private static Properties load(Path file) throws IOException {
        Properties p = new Properties();
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            }
        }
        return p;
    }

    private static void store(Properties p, Path file, String comment) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            p.store(out, comment);
        }
    }
}
