package dev.newswire.launcher;

import dev.newswire.model.CommonConfig;
import dev.newswire.model.EmbeddedDefault;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The configuration options every command shares: a properties file, {@code --set key=value} overrides and the
 * data directory of the embedded default. Environment variables {@code NEWSWIRE_*} apply too.
 */
public final class Settings {

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "Properties file with settings (see README, Configuration).")
    Path configFile;

    @Option(names = {"-s", "--set"}, paramLabel = "KEY=VALUE",
            description = "Override one setting, e.g. --set bootstrap.servers=kafka:9092. Repeatable.")
    Map<String, String> overrides = new LinkedHashMap<>();

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Where the embedded broker and database keep their data (default: data/ in the project).")
    Path dataDir;

    /** All settings, merged: file, environment, overrides. */
    public Map<String, String> load() {
        return CommonConfig.load(configFile, System.getenv(), overrides);
    }

    /** The data directory of the embedded default. */
    public Path dataDir() {
        return EmbeddedDefault.dataDir(dataDir);
    }
}
