package dev.newswire.ops.console;

import dev.newswire.model.BearerTokens;
import dev.newswire.model.CommonConfig;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * The web console's and read-only API's settings: where they listen and the bearer tokens readers must send. Bound
 * to a loopback address, no token is needed; bound to any other address, the console refuses to start without one.
 */
public final class ConsoleConfig extends AbstractConfig {

    private static final String GROUP = "Console";
    public static final String HTTP_HOST = "console.http.host";
    public static final String HTTP_PORT = "console.http.port";
    public static final String AUTH_TOKENS = "console.auth.tokens";
    public static final String AUTH_TOKENS_FILE = "console.auth.tokens.file";

    /** The console's keys and the shared ones. */
    public static final ConfigDef DEF = CommonConfig.define(new ConfigDef())
            .define(HTTP_HOST, Type.STRING, "127.0.0.1", Importance.HIGH,
                    "Address the web console and the read-only API (/api/…) bind to. Any address but a loopback one "
                            + "requires bearer tokens (console.auth.tokens or console.auth.tokens.file).",
                    GROUP, 1, ConfigDef.Width.MEDIUM, "Host")
            .define(HTTP_PORT, Type.INT, ConsoleServer.DEFAULT_PORT, ConfigDef.Range.between(0, 65535), Importance.HIGH,
                    "Port of the web console and the API (0: any free port). The embedded run takes a free one when it is busy.",
                    GROUP, 2, ConfigDef.Width.SHORT, "Port")
            .define(AUTH_TOKENS, Type.PASSWORD, "", Importance.HIGH,
                    "Comma-separated bearer tokens readers of the API and /metrics must send (Authorization: Bearer …), "
                            + "read-only: they are not ingest tokens. Empty, and no tokens file: no authentication, "
                            + "allowed on a loopback address only.", GROUP, 3, ConfigDef.Width.LONG, "Tokens")
            .define(AUTH_TOKENS_FILE, Type.STRING, "", Importance.MEDIUM,
                    "File with one read-only bearer token per line (blank lines and # comments ignored).",
                    GROUP, 4, ConfigDef.Width.LONG, "Tokens file");

    public ConsoleConfig(Map<String, ?> settings) {
        super(DEF, settings, false);
    }

    public String host() {
        return getString(HTTP_HOST);
    }

    public int port() {
        return getInt(HTTP_PORT);
    }

    /** The bearer tokens, from the setting and the tokens file. */
    public List<String> tokens() {
        return BearerTokens.read(getPassword(AUTH_TOKENS), getString(AUTH_TOKENS_FILE), AUTH_TOKENS_FILE);
    }

    /**
     * Refuses a console that anyone on the network could read: bound to an address that is not a loopback one,
     * it needs at least one token.
     *
     * @throws IllegalArgumentException otherwise, saying what to set
     */
    public static void checkAccess(String host, List<String> tokens) {
        if (tokens.isEmpty() && !isLoopback(host)) {
            throw new IllegalArgumentException("the console would listen on " + host + ", which is not a loopback "
                    + "address, without authentication: set " + AUTH_TOKENS + " or " + AUTH_TOKENS_FILE
                    + " (bearer tokens readers must send), or bind it to 127.0.0.1");
        }
    }

    static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
