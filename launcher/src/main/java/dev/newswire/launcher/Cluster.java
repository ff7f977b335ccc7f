package dev.newswire.launcher;

import dev.newswire.model.CommonConfig;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Finds the Kafka cluster a command talks to: {@code bootstrap.servers} when set, else the embedded broker of a
 * running {@code newswire run} in the same data directory.
 */
final class Cluster {

    private Cluster() {
    }

    /** Settings with {@code bootstrap.servers} filled in, or an error a person can act on. */
    static Map<String, String> resolve(Settings settings) {
        Map<String, String> config = new HashMap<>(settings.load());
        String bootstrap = config.getOrDefault(CommonConfig.BOOTSTRAP_SERVERS, "");
        if (!bootstrap.isBlank()) {
            return config;
        }
        Path ports = settings.dataDir().resolve("kafka/ports.properties");
        if (Files.exists(ports)) {
            Properties p = new Properties();
            try (InputStream in = Files.newInputStream(ports)) {
                p.load(in);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + ports + ": " + e.getMessage(), e);
            }
            int port = Integer.parseInt(p.getProperty("broker", "0"));
            if (port > 0 && listening(port)) {
                config.put(CommonConfig.BOOTSTRAP_SERVERS, "127.0.0.1:" + port);
                return config;
            }
        }
        throw new IllegalStateException("No Kafka to talk to: set bootstrap.servers (--set bootstrap.servers=HOST:PORT "
                + "or NEWSWIRE_BOOTSTRAP_SERVERS), or start the embedded pipeline with './newswire run' in another terminal.");
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
