package dev.newswire.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code newswire run} in a JVM of its own, started from the launcher's jar as a user starts it, so a test can kill it
 * for real ({@code kill -9}) and read the addresses it prints from its log.
 */
final class RunProcess {

    private static final Pattern INGEST = Pattern.compile("Ingest endpoint listening on http://127\\.0\\.0\\.1:(\\d+)/pages");
    private static final Pattern UP = Pattern.compile("Pipeline up in (\\d+) ms: Kafka (\\S+) · PostgreSQL (\\S+) ·");

    final Process process;
    final Path log;
    final long startedNanos;

    private RunProcess(Process process, Path log, long startedNanos) {
        this.process = process;
        this.log = log;
        this.startedNanos = startedNanos;
    }

    /**
     * Starts {@code newswire run --no-samples --data-dir dataDir} with free ingest and console ports and {@code args}
     * after them; the JVM's temporary files go to {@code tmp}, its output to {@code log}.
     */
    static RunProcess start(Path dataDir, Path tmp, Path log, List<String> args) throws IOException {
        Path home = Path.of(System.getProperty("newswire.home", "..")).toAbsolutePath().normalize();
        Path jar = home.resolve("launcher/target/newswire.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("launcher jar missing: " + jar + " (mvn package builds it before the ITs)");
        }
        Files.createDirectories(tmp);
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx768m",
                "-Djava.io.tmpdir=" + tmp, "-Dnewswire.home=" + home));
        String pgBinaries = System.getProperty("ot.epg.working-dir");
        if (pgBinaries != null) {
            cmd.add("-Dot.epg.working-dir=" + pgBinaries);
        }
        cmd.addAll(List.of("-jar", jar.toString(), "run", "--no-samples", "--data-dir", dataDir.toString(),
                "--set", "ingest.http.port=0", "--set", "console.http.port=0"));
        cmd.addAll(args);
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new RunProcess(p, log, t0);
    }

    /** Runs {@code newswire args...} from the jar to its end and returns what it printed (stdout and stderr). */
    static String command(Path tmp, String... args) throws IOException, InterruptedException {
        Path home = Path.of(System.getProperty("newswire.home", "..")).toAbsolutePath().normalize();
        Files.createDirectories(tmp);
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx256m",
                "-Djava.io.tmpdir=" + tmp, "-Dnewswire.home=" + home, "-jar", home.resolve("launcher/target/newswire.jar").toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!p.waitFor(2, java.util.concurrent.TimeUnit.MINUTES)) {
            p.destroyForcibly();
        }
        return out;
    }

    String logText() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "";
        }
    }

    private Optional<Matcher> find(Pattern pattern) {
        Matcher m = pattern.matcher(logText());
        return m.find() ? Optional.of(m) : Optional.empty();
    }

    /** Waits until the run's ingest endpoint listens, and returns its port. */
    int awaitIngestPort(Duration timeout) throws InterruptedException {
        return Integer.parseInt(await(INGEST, timeout).group(1));
    }

    /** Waits until the whole pipeline is up; returns the log's match: group 1 the start time, 2 Kafka, 3 the JDBC URL. */
    Matcher awaitUp(Duration timeout) throws InterruptedException {
        return await(UP, timeout);
    }

    private Matcher await(Pattern pattern, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<Matcher> m = find(pattern);
            if (m.isPresent()) {
                return m.get();
            }
            if (!process.isAlive()) {
                throw new AssertionError("newswire run exited with " + process.exitValue() + ":\n" + logText());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("newswire run did not get to '" + pattern + "' within " + timeout.toSeconds() + " s:\n" + logText());
            }
            Thread.sleep(50);
        }
    }

    /** {@code kill -9}: the JVM dies at once; what it started (PostgreSQL) stays behind. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** A clean stop (SIGTERM: the shutdown hook closes the pipeline); kill -9 if it does not end in a minute. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor();
        }
        return process.exitValue();
    }
}
