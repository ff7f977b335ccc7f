package dev.newswire.launcher;

import dev.newswire.ingest.IngestConfig;
import dev.newswire.ingest.PagePublisher;
import dev.newswire.ingest.source.IngestSummary;
import dev.newswire.ingest.source.SourcePublisher;
import dev.newswire.model.CommonConfig;
import dev.newswire.model.CommonOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The ways into news.raw besides {@code POST /pages}: saved pages and NDJSON ({@code ingest}), Scrapy-style JSON
 * lines ({@code ingest-jsonl}) and WARC files ({@code ingest-warc}). Each reads its files with a page source of the
 * ingest module and publishes through one {@link SourcePublisher}, with progress and a summary on stderr.
 */
final class IngestCommands {

    private IngestCommands() {
    }

    /** One file or directory handed to the run's publisher. */
    @FunctionalInterface
    interface PathReader {
        void publish(SourcePublisher run, Path path) throws IOException;
    }

    /**
     * Publishes every path to news.raw (creating the topics as configured) and prints the summary.
     *
     * @return the exit code: 0 when something was published or there was nothing to read, 1 otherwise
     */
    static int publish(CommonOptions options, String crawler, List<Path> paths, PathReader reader) throws IOException {
        Map<String, String> settings = ServiceCommands.clusterWithTopics(options);
        IngestConfig config = new IngestConfig(settings);
        try (PagePublisher publisher = new PagePublisher(CommonConfig.kafkaClientProps(config))) {
            SourcePublisher run = new SourcePublisher(publisher, config.getInt(IngestConfig.MAX_PAGE_BYTES), crawler,
                    SourcePublisher.printingTo(System.err));
            for (Path path : paths) {
                reader.publish(run, path);
            }
            IngestSummary summary = run.finish();
            System.err.println("Done: " + summary);
            return summary.published() > 0 || summary.read() == 0 ? 0 : 1;
        }
    }

    @Command(name = "ingest", mixinStandardHelpOptions = true,
            description = {"Publish pages from HTML files, directories of them, and NDJSON files in the ingest format "
                    + "to news.raw.", "Prints progress and a summary on stderr; exit 1 when nothing was published."})
    static final class Files implements Callable<Integer> {
        @Mixin
        CommonOptions options;

        @Parameters(paramLabel = "PATH", arity = "1..*", description = "HTML files (.html, .htm, .gz), directories, NDJSON files (.ndjson, .jsonl).")
        List<Path> paths;

        @Option(names = "--base-url", defaultValue = "http://localhost/files/",
                description = "URL prefix for HTML files that do not give their own canonical URL (default: ${DEFAULT-VALUE}).")
        String baseUrl;

        @Option(names = "--crawler", defaultValue = "newswire-ingest", description = "Crawler name recorded on the pages (default: ${DEFAULT-VALUE}).")
        String crawler;

        @Override
        public Integer call() throws Exception {
            return publish(options, crawler, paths, (run, path) -> run.publishFiles(path, baseUrl));
        }
    }

    @Command(name = "ingest-warc", mixinStandardHelpOptions = true,
            description = {"Publish the HTML pages of WARC files (wget --warc-file, Heritrix, Browsertrix; WARC 1.0/1.1, "
                    + ".warc or .warc.gz) to news.raw. Request, metadata, warcinfo, revisit and non-HTML records are "
                    + "skipped and counted.", "Prints progress and a summary on stderr; exit 1 when nothing was published."})
    static final class Warc implements Callable<Integer> {
        @Mixin
        CommonOptions options;

        @Parameters(paramLabel = "PATH", arity = "1..*", description = "WARC files, or directories of them.")
        List<Path> paths;

        @Option(names = "--crawler", defaultValue = "warc", description = "Crawler name recorded on the pages (default: ${DEFAULT-VALUE}).")
        String crawler;

        @Override
        public Integer call() throws Exception {
            return publish(options, crawler, paths, SourcePublisher::publishWarc);
        }
    }

    @Command(name = "ingest-jsonl", mixinStandardHelpOptions = true,
            description = {"Publish pages from JSON-lines files to news.raw: Scrapy-style exports (url, html/body/text, "
                    + "headers, fetched_at/timestamp, status; see ingest/README.md) or the ingest format's NDJSON.",
                    "Invalid lines are skipped and counted; progress and a summary on stderr."})
    static final class JsonLines implements Callable<Integer> {
        @Mixin
        CommonOptions options;

        @Parameters(paramLabel = "PATH", arity = "1..*",
                description = "JSON-lines files (.jsonl, .jl, .ndjson, .json, optionally .gz), or directories of them.")
        List<Path> paths;

        @Option(names = "--crawler", defaultValue = "jsonl", description = "Crawler name recorded on pages that do not give one (default: ${DEFAULT-VALUE}).")
        String crawler;

        @Override
        public Integer call() throws Exception {
            return publish(options, crawler, paths, SourcePublisher::publishJsonLines);
        }
    }
}
