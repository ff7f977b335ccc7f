package dev.newswire.ops.console;

import dev.newswire.model.CommonOptions;
import dev.newswire.ops.cli.KafkaClients;
import dev.newswire.ops.cli.StoreLocator;
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
        description = {"Web console and read-only API: search over the stored articles with entity facets and "
                + "attention over time, live feed of enriched articles with people and places highlighted, topic and "
                + "lag tables, throughput charts, top entities of the last hour, dead-letter browser. Stop with Ctrl-C.",
                "'./newswire run' starts it too (http://127.0.0.1:8471/)."})
public final class ConsoleCommand implements Callable<Integer> {

    @Mixin
    CommonOptions options;

    @Option(names = "--port", paramLabel = "PORT", description = "Port to listen on (default: console.http.port, 8471; 0: any free port).")
    Integer port;

    @Option(names = "--host", paramLabel = "HOST", description = "Address to bind (default: console.http.host, 127.0.0.1). "
            + "Any other than a loopback address requires console.auth.tokens.")
    String host;

    @Option(names = "--jdbc-url", paramLabel = "URL", description = "The article store, for search and stored-article counts "
            + "(default: sink.jdbc.url from the settings, else the database of a running './newswire run').")
    String jdbcUrl;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ConsoleConfig config = new ConsoleConfig(options.settings());
        String bindHost = host != null ? host : config.host();
        ConsoleConfig.checkAccess(bindHost, config.tokens()); // before anything else: refuse an open console at once
        Map<String, Object> props = options.clientProps();
        try (Admin admin = KafkaClients.admin(props)) {
            // fail fast with a clear message; the console itself keeps retrying later outages
        }
        ConsoleServer.Database db = jdbcUrl != null ? new ConsoleServer.Database(jdbcUrl, null, null) : StoreLocator.find(options);
        CountDownLatch stop = new CountDownLatch(1);
        try (ConsoleServer console = ConsoleServer.start(props, db, bindHost,
                port != null ? port : config.port(), config.tokens(), Metrics.global())) {
            spec.commandLine().getErr().println("console: " + console.url() + " (Kafka " + props.get("bootstrap.servers")
                    + "); Ctrl-C to stop");
            spec.commandLine().getErr().flush();
            Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown, "newswire-console-stop"));
            stop.await();
        }
        return 0;
    }
}
