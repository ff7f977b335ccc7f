package dev.newswire.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newswire.embedded.EmbeddedCluster;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The compose file's three-node cluster is the one {@code newswire run --brokers 3} starts, with real host names: the
 * same shared node settings (replication of the topics and of Kafka's internal topics, min.insync.replicas, roles,
 * listener names, message sizes), a quorum of the three nodes, each advertising the listener the services bootstrap
 * from, and the services creating topics with the same replication factor.
 */
class ComposeFileTest {

    private static final Path COMPOSE = Path.of(System.getProperty("newswire.home", "..")).resolve("docker/docker-compose.yml");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> compose() throws Exception {
        try (InputStream in = Files.newInputStream(COMPOSE)) {
            return (Map<String, Object>) new Yaml().load(in);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o, String what) {
        assertTrue(o instanceof Map, what + " is a mapping in " + COMPOSE);
        return (Map<String, Object>) o;
    }

    private static Map<String, Object> environment(Map<String, Object> services, String service) {
        return map(map(services.get(service), service).get("environment"), service + ".environment");
    }

    /** The Apache Kafka image's convention: KAFKA_ and the setting's name in capitals with _ for dots. */
    private static String envName(String setting) {
        return "KAFKA_" + setting.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    @Test
    void theKafkaNodesShareTheEmbeddedClustersSettings() throws Exception {
        Map<String, Object> services = map(compose().get("services"), "services");
        List<String> nodes = services.keySet().stream().filter(s -> s.matches("kafka-\\d+")).sorted().toList();
        assertEquals(EmbeddedCluster.REPLICATION, nodes.size(), "as many Kafka nodes as the embedded cluster: " + nodes);
        for (String node : nodes) {
            Map<String, Object> env = environment(services, node);
            EmbeddedCluster.sharedSettings(nodes.size()).forEach((key, value) ->
                    assertEquals(value, String.valueOf(env.get(envName(key))), node + ": " + envName(key) + " (" + key + ")"));
        }
    }

    @Test
    void theQuorumListenersAndBootstrapListsAgree() throws Exception {
        Map<String, Object> services = map(compose().get("services"), "services");
        List<String> nodes = services.keySet().stream().filter(s -> s.matches("kafka-\\d+")).sorted().toList();
        List<String> advertised = new ArrayList<>();
        TreeSet<String> voters = null;
        for (String node : nodes) {
            Map<String, Object> env = environment(services, node);
            int id = Integer.parseInt(String.valueOf(env.get("KAFKA_NODE_ID")));
            assertEquals("kafka-" + id, node, "node id and service name agree");
            String controllerPort = null;
            String clientPort = null;
            for (String listener : String.valueOf(env.get("KAFKA_LISTENERS")).split(",")) {
                String name = listener.substring(0, listener.indexOf(':'));
                String port = listener.substring(listener.lastIndexOf(':') + 1);
                if (name.equals(String.valueOf(env.get("KAFKA_CONTROLLER_LISTENER_NAMES")))) {
                    controllerPort = port;
                } else if (name.equals(String.valueOf(env.get("KAFKA_INTER_BROKER_LISTENER_NAME")))) {
                    clientPort = port;
                }
            }
            assertTrue(controllerPort != null && clientPort != null, node + " listens for clients and for the controller");
            TreeSet<String> v = new TreeSet<>(Arrays.asList(String.valueOf(env.get("KAFKA_CONTROLLER_QUORUM_VOTERS")).split(",")));
            assertTrue(v.contains(id + "@" + node + ":" + controllerPort), node + " is a voter at its controller listener: " + v);
            if (voters != null) {
                assertEquals(voters, v, "one quorum");
            }
            voters = v;
            String adv = String.valueOf(env.get("KAFKA_ADVERTISED_LISTENERS"));
            assertEquals("PLAINTEXT://" + node + ":" + clientPort, adv, node + " advertises its client listener");
            advertised.add(node + ":" + clientPort);
        }
        assertEquals(nodes.size(), voters.size(), "every node is a voter, as in the embedded cluster");
        for (String service : List.of("ingest", "enrich", "sink")) {
            Map<String, Object> env = environment(services, service);
            List<String> bootstrap = Arrays.stream(String.valueOf(env.get("NEWSWIRE_BOOTSTRAP_SERVERS")).split(",")).sorted().toList();
            assertEquals(advertised, bootstrap, service + " bootstraps from every node");
            assertEquals(Integer.toString(EmbeddedCluster.REPLICATION), String.valueOf(env.get("NEWSWIRE_TOPICS_REPLICATION_FACTOR")),
                    service + " creates topics with the cluster's replication factor");
        }
    }
}
