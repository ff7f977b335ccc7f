package dev.newswire.search;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The connections the search uses: a small pool (PostgreSQL forks a process per connection, a few milliseconds a
 * request without one), read-only at the session level, every statement cancelled after {@value #STATEMENT_TIMEOUT_MS} ms.
 */
public final class SearchDataSource {

    /** Longest a query may run before PostgreSQL cancels it. */
    public static final int STATEMENT_TIMEOUT_MS = 10_000;

    private SearchDataSource() {
    }

    /**
     * A pool of at most {@code size} connections; it connects on first use, so a database that is down when it is
     * made is no error. Close it to release them.
     *
     * @param user     user, or empty/null to take it from the URL
     * @param password password, or empty/null
     */
    public static HikariDataSource pool(String jdbcUrl, String user, String password, int size) {
        HikariConfig c = new HikariConfig();
        c.setJdbcUrl(jdbcUrl);
        if (user != null && !user.isEmpty()) {
            c.setUsername(user);
        }
        if (password != null && !password.isEmpty()) {
            c.setPassword(password);
        }
        c.setPoolName("newswire-search");
        c.setMaximumPoolSize(size);
        c.setMinimumIdle(0);
        c.setIdleTimeout(60_000);
        c.setConnectionTimeout(5_000);
        c.setInitializationFailTimeout(-1);
        c.setReadOnly(true);
        c.setAutoCommit(true);
        c.addDataSourceProperty("readOnlyMode", "always");
        c.addDataSourceProperty("connectTimeout", "5");
        c.addDataSourceProperty("options", "-c statement_timeout=" + STATEMENT_TIMEOUT_MS);
        c.addDataSourceProperty("ApplicationName", "newswire-search");
        return new HikariDataSource(c);
    }

    /** A pool of 4 connections. */
    public static HikariDataSource pool(String jdbcUrl, String user, String password) {
        return pool(jdbcUrl, user, password, 4);
    }
}
