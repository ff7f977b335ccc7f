package dev.newswire.crawl.cli;

import dev.newswire.crawl.CrawlIngester;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code newswire ingest-warc FILE...}: publishes the HTML responses of WARC files to news.raw. */
@Command(name = "ingest-warc", mixinStandardHelpOptions = true,
        description = {"Publish the HTML pages of WARC files (wget --warc-file, Heritrix, Browsertrix; WARC 1.0/1.1, "
                + ".warc or .warc.gz) to news.raw. Request, metadata, warcinfo, revisit and non-HTML records are "
                + "skipped and counted.", "Prints progress and a summary on stderr; exit 1 when nothing was published."})
public final class IngestWarcCommand implements Callable<Integer> {

    @Mixin
    KafkaTarget target;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "WARC files, or directories of them.")
    List<Path> paths;

    @Override
    public Integer call() throws Exception {
        return target.publish(paths, "warc", CrawlIngester::ingestWarc);
    }
}
