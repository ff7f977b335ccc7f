package dev.newswire.ops.console;

import dev.newswire.model.CommonOptions;
import dev.newswire.ops.cli.KafkaClients;
import dev.newswire.metrics.Metrics;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code newswire console}: the web console for a running pipeline. */
@Command(name = "console", mixinStandardHelpOptions = true,
        description = {"Web console: live feed of enriched articles with people and places highlighted, topic and "
                + "lag tables, throughput charts, top entities of the last hour, dead-letter browser. Stop with Ctrl-C.",
                "'./newswire run' starts it too (http://127.0.0.1:8471/)."})
public final class ConsoleCommand implements Callable<Integer> {

    @Mixin
    CommonOptions options;

    @Option(names = "--port", paramLabel = "PORT", description = "Port to listen on (default: ${DEFAULT-VALUE}; 0: any free port).")
    int port = ConsoleServer.DEFAULT_PORT;

    @Option(names = "--host", paramLabel = "HOST", description = "Address to bind (default: ${DEFAULT-VALUE}).")
    String host = "127.0.0.1";

    @Option(names = "--jdbc-url", paramLabel = "URL", description = "The sink's database, for stored-article counts (default: sink.jdbc.url from the settings).")
    String jdbcUrl;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Map<String, Object> props = options.clientProps();
        try (Admin admin = KafkaClients.admin(props)) {
            // fail fast with a clear message; the console itself keeps retrying later outages
        }
        String jdbc = jdbcUrl != null ? jdbcUrl : options.settings().get("sink.jdbc.url");
        CountDownLatch stop = new CountDownLatch(1);
        try (ConsoleServer console = ConsoleServer.start(props, jdbc == null || jdbc.isBlank() ? null : jdbc,
                host, port, Metrics.global())) {
            spec.commandLine().getErr().println("console: " + console.url() + " (Kafka " + props.get("bootstrap.servers")
                    + "); Ctrl-C to stop");
            spec.commandLine().getErr().flush();
            Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown, "newswire-console-stop"));
            stop.await();
        }
        return 0;
    }
}
