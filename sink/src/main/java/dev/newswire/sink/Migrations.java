package dev.newswire.sink;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's schema, migrated by Flyway from the versioned scripts in {@code src/main/resources/db/}
 * ({@code V1__articles.sql}, {@code V2__stories.sql}, …). Flyway takes a PostgreSQL advisory lock, so two sinks
 * starting at once do not both migrate.
 *
 * <p>Data directories made before Flyway have the hand-written runner's {@code schema_migrations} table instead of
 * Flyway's history: they are upgraded in place, the history starting with a baseline at the last version that runner
 * applied, so that only the later scripts run. The old table is left as it was.
 */
public final class Migrations {

    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);
    /** Where the scripts are, on the class path. */
    public static final String LOCATION = "classpath:db";
    /** Flyway's history table. */
    public static final String HISTORY_TABLE = "flyway_schema_history";
    /** The hand-written runner's table (before Flyway): one row per applied script, named like {@code V2__stories.sql}. */
    static final String LEGACY_TABLE = "schema_migrations";

    private Migrations() {
    }

    /**
     * Brings the schema of the database at {@code url} to the newest version.
     *
     * @param credentials {@code user}, {@code password} and other driver properties
     * @return the number of scripts applied
     */
    public static int migrate(String url, Properties credentials) throws SQLException {
        String legacyBaseline;
        try (Connection c = java.sql.DriverManager.getConnection(url, credentials)) {
            legacyBaseline = hasTable(c, HISTORY_TABLE) ? null : legacyVersion(c);
        }
        var config = Flyway.configure()
                .dataSource(url, credentials.getProperty("user"), credentials.getProperty("password"))
                .locations(LOCATION)
                .table(HISTORY_TABLE)
                .validateMigrationNaming(true)
                .connectRetries(0);
        if (legacyBaseline != null) {
            LOG.info("Database made before Flyway (schema_migrations up to V{}): upgrading it in place", legacyBaseline);
            config = config.baselineOnMigrate(true).baselineVersion(legacyBaseline)
                    .baselineDescription("schema_migrations up to V" + legacyBaseline);
        }
        try {
            MigrateResult result = config.load().migrate();
            if (result.migrationsExecuted > 0) {
                LOG.info("Database schema migrated from version {} to {} ({} scripts)", result.initialSchemaVersion,
                        result.targetSchemaVersion, result.migrationsExecuted);
            }
            return result.migrationsExecuted;
        } catch (FlywayException e) {
            Throwable cause = e.getCause();
            while (cause != null && !(cause instanceof SQLException)) {
                cause = cause.getCause();
            }
            if (cause instanceof SQLException sql) {
                // keep the SQL state, so that a database still starting is told from a broken script
                throw new SQLException("database migration failed: " + e.getMessage(), sql.getSQLState(), e);
            }
            throw new SQLException("database migration failed: " + e.getMessage(), e);
        }
    }

    /** The highest version the hand-written runner recorded ("2" for V2__stories.sql), or null when it never ran. */
    static String legacyVersion(Connection c) throws SQLException {
        if (!hasTable(c, LEGACY_TABLE)) {
            return null;
        }
        int max = 0;
        try (PreparedStatement q = c.prepareStatement("SELECT version FROM " + LEGACY_TABLE);
             ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                String v = rs.getString(1);
                if (v.startsWith("V") && v.contains("__")) {
                    max = Math.max(max, Integer.parseInt(v.substring(1, v.indexOf("__"))));
                }
            }
        }
        return max == 0 ? null : Integer.toString(max);
    }

    private static boolean hasTable(Connection c, String table) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        try (ResultSet rs = md.getTables(null, c.getSchema(), table, new String[] {"TABLE"})) {
            return rs.next();
        }
    }
}
