package dev.newswire.launcher;

import dev.newswire.ingest.IngestConfig;
import dev.newswire.ingest.source.IngestSummary;
import dev.newswire.ingest.source.SourcePublisher;
import dev.newswire.model.CommonOptions;
import dev.newswire.model.Keys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code newswire run}: the whole pipeline on the embedded default, fed with the sample pages. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run the whole pipeline: embedded Kafka broker and PostgreSQL (unless bootstrap.servers / "
                + "sink.jdbc.url are set), ingest endpoint, enrich, sink. Feeds the sample pages and prints every "
                + "article as it is stored. Stops on Ctrl-C, or after the samples with --once."})
public final class RunCommand implements Callable<Integer> {

    @Mixin
    CommonOptions options;

    @Option(names = "--brokers", paramLabel = "N", defaultValue = "1",
            description = {"Kafka nodes of the embedded default (default: ${DEFAULT-VALUE}, in this JVM). More than one: "
                    + "each node (broker and controller) in a JVM of its own, data in DATA/kafka-1..N, topics replicated "
                    + "3 times with min.insync.replicas=2. Ignored when bootstrap.servers is set."})
    int brokers = 1;

    @Option(names = "--once", description = "Exit once the fed pages are stored (default: keep serving).")
    boolean once;

    @Option(names = "--no-samples", description = "Do not feed the sample pages.")
    boolean noSamples;

    @Option(names = "--feed", paramLabel = "PATH", description = "Feed these HTML/NDJSON files or directories instead of the samples.")
    List<Path> feed = new ArrayList<>();

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "120",
            description = "With --once: give up if the pages are not stored within this time (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Override
    public Integer call() throws Exception {
        long t0 = System.nanoTime();
        if (brokers < 1 || brokers > 9) {
            throw new IllegalArgumentException("--brokers takes 1 to 9, not " + brokers);
        }
        Map<String, String> config = options.settings();
        ArticlePrinter printer = new ArticlePrinter(System.out);
        try (Pipeline pipeline = Pipeline.start(config, options.dataDir(), true, brokers)) {
            long startMs = (System.nanoTime() - t0) / 1_000_000;
            Set<String> waitingFor = ConcurrentHashMap.newKeySet();
            CountDownLatch done = new CountDownLatch(1);
            pipeline.sink().onStored(a -> {
                printer.print(a);
                if (waitingFor.remove(Keys.normalizeUrl(a.url())) && waitingFor.isEmpty()) {
                    done.countDown();
                }
            });
            System.err.printf("Pipeline up in %d ms: Kafka %s · PostgreSQL %s · ingest http://127.0.0.1:%d/pages · console %s%n",
                    startMs, pipeline.bootstrapServers(), pipeline.jdbcUrl(), pipeline.ingestPort(), pipeline.consoleUrl());
            List<Path> toFeed = new ArrayList<>(feed);
            if (toFeed.isEmpty() && !noSamples) {
                Path samples = Path.of(System.getProperty("newswire.home", ".")).resolve("samples/pages");
                if (Files.isDirectory(samples)) {
                    toFeed.add(samples);
                } else {
                    System.err.println("No sample pages at " + samples + "; nothing fed.");
                }
            }
            if (!toFeed.isEmpty()) {
                IngestConfig ic = new IngestConfig(pipeline.settings());
                // Register the expected URLs before sending, so no stored article is missed.
                SourcePublisher feeder = new SourcePublisher(pipeline.publisher(), ic.getInt(IngestConfig.MAX_PAGE_BYTES),
                        "newswire-run", null).beforeSend(waitingFor::add);
                long feedStart = System.nanoTime();
                for (Path path : toFeed) {
                    feeder.publishFiles(path, "http://localhost/files/");
                }
                IngestSummary summary = feeder.finish();
                System.err.printf("Fed %s in %d ms; waiting for the articles...%n", summary,
                        (System.nanoTime() - feedStart) / 1_000_000);
                if (summary.published() == 0) {
                    done.countDown();
                }
                if (once) {
                    if (!done.await(timeoutSeconds, TimeUnit.SECONDS)) {
                        System.err.println("Timed out: " + waitingFor.size() + " page(s) not stored (see news.dlq): " + waitingFor);
                        return 1;
                    }
                    System.err.printf("All %d fed page(s) stored, %d ms after feeding started.%n", summary.published(),
                            (System.nanoTime() - feedStart) / 1_000_000);
                    return 0;
                }
            }
            if (once) {
                return 0;
            }
            return ServiceCommands.serveUntilStopped(pipeline,
                    "Pipeline (POST pages to http://127.0.0.1:" + pipeline.ingestPort() + "/pages)");
        }
    }
}
