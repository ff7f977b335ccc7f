package dev.newswire.crawl.cli;

import dev.newswire.crawl.CrawlIngester;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code newswire ingest-jsonl FILE...}: publishes pages from JSON lines (Scrapy-style or the project's NDJSON). */
@Command(name = "ingest-jsonl", mixinStandardHelpOptions = true,
        description = {"Publish pages from JSON-lines files to news.raw: Scrapy-style exports (url, html/body/text, "
                + "headers, fetched_at/timestamp, status; see crawl/README.md) or the project's own NDJSON.",
                "Invalid lines are skipped and counted; progress and a summary on stderr."})
public final class IngestJsonlCommand implements Callable<Integer> {

    @Mixin
    KafkaTarget target;

    @Parameters(paramLabel = "PATH", arity = "1..*",
            description = "JSON-lines files (.jsonl, .jl, .ndjson, .json, optionally .gz), or directories of them.")
    List<Path> paths;

    @Override
    public Integer call() throws Exception {
        return target.publish(paths, "jsonl", CrawlIngester::ingestJsonLines);
    }
}
