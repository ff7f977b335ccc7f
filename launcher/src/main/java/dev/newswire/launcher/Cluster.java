package dev.newswire.launcher;

import dev.newswire.model.CommonConfig;
import dev.newswire.model.EmbeddedDefault;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

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
        OptionalInt port = EmbeddedDefault.recordedBrokerPort(settings.dataDir());
        if (port.isPresent() && listening(port.getAsInt())) {
            config.put(CommonConfig.BOOTSTRAP_SERVERS, "127.0.0.1:" + port.getAsInt());
            return config;
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
