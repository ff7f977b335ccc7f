package dev.newswire.launcher;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code newswire} command. */
@Command(name = "newswire", mixinStandardHelpOptions = true, version = "newswire 0.1.0",
        description = "Kafka-native pipeline: raw crawled pages in, clean tagged news articles out.",
        subcommands = {
                RunCommand.class,
                IngestCommands.Files.class,
                IngestCommands.Warc.class,
                IngestCommands.JsonLines.class,
                ServiceCommands.IngestServerCommand.class,
                ServiceCommands.Enrich.class,
                ServiceCommands.Sink.class,
                ServiceCommands.ConfigDocs.class,
                SoakCommand.class,
                BenchCommand.class,
                dev.newswire.launcher.extract.ExtractCommand.class,
                dev.newswire.launcher.extract.ExtractEvalCommand.class,
                dev.newswire.launcher.tagger.TagCommand.class,
                dev.newswire.launcher.tagger.TagEvalCommand.class,
                dev.newswire.launcher.tagger.TagTrainCommand.class,
                dev.newswire.launcher.tagger.TagVectorsCommand.class,
                dev.newswire.launcher.tagger.TagNamesCommand.class,
                dev.newswire.launcher.tagger.GeoEvalCommand.class,
                dev.newswire.launcher.tagger.GeoTrainCommand.class,
                dev.newswire.launcher.dedup.DedupEvalCommand.class,
                dev.newswire.ops.watch.WatchCommand.class,
                dev.newswire.ops.status.StatusCommand.class,
                dev.newswire.ops.dlq.DlqCommand.class,
                dev.newswire.ops.console.ConsoleCommand.class,
                dev.newswire.ops.search.SearchCommand.class,
                CommandLine.HelpCommand.class
        })
public final class Newswire implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Builds the command line (also used by tests). */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Newswire());
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            // A clear one-line error for a person; the stack trace only when asked for.
            System.err.println("newswire " + commandLine.getCommandName() + ": " + e.getMessage());
            if (System.getenv("NEWSWIRE_DEBUG") != null) {
                e.printStackTrace();
            }
            return 2;
        });
        return cl;
    }

    public static void main(String[] args) {
        int code = commandLine().execute(args);
        System.exit(code);
    }
}
