package dev.newswire.ops;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs an ops command as the launcher does (one-line error, exit code 2 on failure) and captures its output. */
public final class OpsCli {

    private OpsCli() {
    }

    /**
     * What a command printed.
     *
     * @param code   exit code
     * @param out    stdout
     * @param err    stderr
     * @param millis how long it ran
     */
    public record Result(int code, String out, String err, long millis) {
        @Override
        public String toString() {
            return "exit " + code + " after " + millis + " ms\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    /** Runs {@code command} with {@code args}. */
    public static Result run(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        return run(command, out, err, args);
    }

    /** Runs {@code command}, writing to the given buffers (readable while it runs). */
    public static Result run(Object command, StringWriter out, StringWriter err, String... args) {
        CommandLine cl = new CommandLine(command);
        PrintWriter errWriter = new PrintWriter(err, true);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(errWriter);
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            errWriter.println("newswire " + commandLine.getCommandName() + ": " + e.getMessage());
            return 2;
        });
        long t0 = System.nanoTime();
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString(), (System.nanoTime() - t0) / 1_000_000);
    }
}
