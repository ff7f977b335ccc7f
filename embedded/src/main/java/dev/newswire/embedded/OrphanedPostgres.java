package dev.newswire.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds and stops a PostgreSQL server that still holds a data directory after the JVM that started it died (a
 * {@code kill -9} of {@code newswire run}, the OOM killer): the embedded server is a child process and outlives its
 * parent, and the next start on the same directory would fail ("Gave up waiting for server to start"). The server is
 * found by the {@code postmaster.pid} file PostgreSQL keeps in its data directory, and stopped only when that process
 * really is a {@code postgres} serving this directory.
 */
public final class OrphanedPostgres {

    private static final Logger LOG = LoggerFactory.getLogger(OrphanedPostgres.class);
    static final String PID_FILE = "postmaster.pid";
    private static final long FAST_SHUTDOWN_WAIT_MS = 10_000;
    private static final long IMMEDIATE_SHUTDOWN_WAIT_MS = 5_000;

    private OrphanedPostgres() {
    }

    /**
     * The process id of a live PostgreSQL server holding {@code dataDir}, if there is one.
     *
     * @param dataDir a PostgreSQL data directory
     */
    public static Optional<ProcessHandle> find(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve(PID_FILE);
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.size() < 2) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).strip());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (!sameDirectory(Path.of(lines.get(1).strip()), dataDir)) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(p -> isPostgresOf(p, dataDir));
    }

    /**
     * Stops the PostgreSQL server left running on {@code dataDir} by a process that died, if there is one: a fast
     * shutdown (SIGINT: open transactions roll back, a checkpoint is written), then an immediate one (SIGQUIT) if
     * that does not end it in time.
     *
     * @return whether a server was found and stopped
     * @throws IOException when a server was found but does not stop
     */
    public static boolean stopIfRunning(Path dataDir) throws IOException {
        Optional<ProcessHandle> found = find(dataDir);
        if (found.isEmpty()) {
            return false;
        }
        ProcessHandle pg = found.get();
        if (pg.parent().map(p -> p.pid() == ProcessHandle.current().pid()).orElse(false)) {
            throw new IOException("PostgreSQL on " + dataDir + " is already running in this process");
        }
        LOG.warn("PostgreSQL (pid {}) still holds {} after the process that started it died; stopping it", pg.pid(), dataDir);
        long t0 = System.nanoTime();
        signal(pg, "INT");
        if (!awaitStopped(pg, dataDir, FAST_SHUTDOWN_WAIT_MS)) {
            signal(pg, "QUIT");
            if (!awaitStopped(pg, dataDir, IMMEDIATE_SHUTDOWN_WAIT_MS)) {
                throw new IOException("PostgreSQL (pid " + pg.pid() + ") on " + dataDir + " does not stop; stop it by hand");
            }
        }
        LOG.info("Stopped the orphaned PostgreSQL (pid {}) in {} ms", pg.pid(), (System.nanoTime() - t0) / 1_000_000);
        return true;
    }

    // Stopped when the server removed its pid file (it does on every kind of shutdown), or the process is gone.
    private static boolean awaitStopped(ProcessHandle pg, Path dataDir, long waitMs) throws IOException {
        long deadline = System.currentTimeMillis() + waitMs;
        while (System.currentTimeMillis() < deadline) {
            if (!pg.isAlive() || !Files.exists(dataDir.resolve(PID_FILE))) {
                return true;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while stopping PostgreSQL", e);
            }
        }
        return false;
    }

    private static void signal(ProcessHandle pg, String signal) throws IOException {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pg.pid())).redirectErrorStream(true).start();
            kill.getInputStream().readAllBytes();
            kill.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while signalling PostgreSQL", e);
        }
    }

    /** Whether {@code p} runs a program named postgres (or postmaster) with {@code dataDir} among its arguments, where they can be seen. */
    static boolean isPostgresOf(ProcessHandle p, Path dataDir) {
        ProcessHandle.Info info = p.info();
        Optional<String> command = info.command();
        if (command.isEmpty()) {
            return false;
        }
        String name = Path.of(command.get()).getFileName().toString();
        if (!name.equals("postgres") && !name.equals("postmaster")) {
            return false;
        }
        Optional<String[]> args = info.arguments();
        if (args.isEmpty()) {
            return true; // the program is postgres and postmaster.pid names it; arguments are not visible on every OS
        }
        String[] a = args.get();
        for (int i = 0; i < a.length - 1; i++) {
            if (a[i].equals("-D") && sameDirectory(Path.of(a[i + 1]), dataDir)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameDirectory(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }
}
