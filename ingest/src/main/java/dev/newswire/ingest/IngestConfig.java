package dev.newswire.ingest;

import dev.newswire.model.CommonConfig;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.types.Password;

/** Configuration of the ingest stage: the HTTP endpoint, and the page size limit of every way in. */
public final class IngestConfig extends AbstractConfig {

    private static final String GROUP = "Ingest";

    public static final String HTTP_HOST = "ingest.http.host";
    public static final String HTTP_PORT = "ingest.http.port";
    public static final String HTTP_THREADS = "ingest.http.threads";
    public static final String MAX_REQUEST_BYTES = "ingest.max.request.bytes";
    public static final String MAX_PAGE_BYTES = "ingest.max.page.bytes";
    public static final String AUTH_TOKENS = "ingest.auth.tokens";
    public static final String AUTH_TOKENS_FILE = "ingest.auth.tokens.file";
    public static final String ACK_TIMEOUT_MS = "ingest.ack.timeout.ms";
    public static final String DEFAULT_CRAWLER = "ingest.default.crawler";
    public static final String RATE_LIMIT = "ingest.rate.limit.pages.per.second";
    public static final String RATE_BURST = "ingest.rate.limit.burst";

    public static final ConfigDef DEF = CommonConfig.define(new ConfigDef())
            .define(HTTP_HOST, Type.STRING, "127.0.0.1", Importance.HIGH,
                    "Address the HTTP endpoint binds to. 0.0.0.0 to accept crawlers from other machines.",
                    GROUP, 1, ConfigDef.Width.MEDIUM, "HTTP host")
            .define(HTTP_PORT, Type.INT, 8470, Range.between(0, 65535), Importance.HIGH,
                    "Port of the HTTP endpoint (0: any free port).", GROUP, 2, ConfigDef.Width.SHORT, "HTTP port")
            .define(HTTP_THREADS, Type.INT, 8, Range.atLeast(1), Importance.LOW,
                    "Threads serving HTTP requests.", GROUP, 3, ConfigDef.Width.SHORT, "HTTP threads")
            .define(MAX_REQUEST_BYTES, Type.INT, 32 * 1024 * 1024, Range.atLeast(1024), Importance.MEDIUM,
                    "Largest request body accepted; larger requests get 413.", GROUP, 4, ConfigDef.Width.SHORT, "Max request")
            .define(MAX_PAGE_BYTES, Type.INT, 10 * 1024 * 1024, Range.atLeast(1024), Importance.MEDIUM,
                    "Largest page body accepted (decoded bytes); larger pages get 413 over HTTP and are skipped "
                            + "(too-large) from files.", GROUP, 5, ConfigDef.Width.SHORT, "Max page")
            .define(AUTH_TOKENS, Type.PASSWORD, "", Importance.HIGH,
                    "Comma-separated bearer tokens crawlers must send (Authorization: Bearer …). Empty, and no "
                            + "tokens file: no authentication.", GROUP, 6, ConfigDef.Width.LONG, "Tokens")
            .define(AUTH_TOKENS_FILE, Type.STRING, "", Importance.MEDIUM,
                    "File with one bearer token per line (blank lines and # comments ignored).",
                    GROUP, 7, ConfigDef.Width.LONG, "Tokens file")
            .define(ACK_TIMEOUT_MS, Type.INT, 10_000, Range.atLeast(100), Importance.LOW,
                    "How long a request waits for Kafka to acknowledge its pages before answering 503.",
                    GROUP, 8, ConfigDef.Width.SHORT, "Ack timeout")
            .define(DEFAULT_CRAWLER, Type.STRING, "unknown", Importance.LOW,
                    "Crawler name recorded when a page does not give one.", GROUP, 9, ConfigDef.Width.SHORT, "Crawler")
            .define(RATE_LIMIT, Type.DOUBLE, 0.0, Range.atLeast(0), Importance.MEDIUM,
                    "Pages a second each client (bearer token, else remote address) may send on average; over it "
                            + "requests get 429 with Retry-After. 0: no limit.", GROUP, 10, ConfigDef.Width.SHORT, "Rate limit")
            .define(RATE_BURST, Type.DOUBLE, 200.0, Range.atLeast(1), Importance.LOW,
                    "Pages a client may send at once before the rate limit applies.", GROUP, 11, ConfigDef.Width.SHORT, "Burst");

    public IngestConfig(Map<String, ?> props) {
        super(DEF, props, false);
    }

    /** Bearer tokens, from the setting and the tokens file. */
    public java.util.List<String> tokens() {
        return dev.newswire.model.BearerTokens.read(getPassword(AUTH_TOKENS), getString(AUTH_TOKENS_FILE), AUTH_TOKENS_FILE);
    }
}
