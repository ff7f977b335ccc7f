package dev.newswire.tagger.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Stand-alone entry point for the tagger commands, for use before the {@code ./newswire} launcher registers
 * them: {@code java -cp <tagger classpath> dev.newswire.tagger.cli.TaggerCli tag-eval --gold FILE}.
 */
@Command(name = "tagger", mixinStandardHelpOptions = true, description = "Newswire tagger commands.",
        subcommands = {TagCommand.class, TagEvalCommand.class, TagTrainCommand.class, TagVectorsCommand.class,
                TagNamesCommand.class, GeoEvalCommand.class, GeoTrainCommand.class})
public final class TaggerCli {

    private TaggerCli() {
    }

    /** Runs a tagger command and exits with its status. */
    public static void main(String[] args) {
        CommandLine cl = new CommandLine(new TaggerCli());
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            System.err.println("tagger " + commandLine.getCommandName() + ": " + e.getMessage());
            return 2;
        });
        System.exit(cl.execute(args));
    }
}
