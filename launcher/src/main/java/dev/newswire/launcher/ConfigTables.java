package dev.newswire.launcher;

import dev.newswire.enrich.EnrichConfig;
import dev.newswire.ingest.IngestConfig;
import dev.newswire.model.CommonConfig;
import dev.newswire.ops.console.ConsoleConfig;
import dev.newswire.sink.SinkConfig;
import java.util.Set;

/**
 * The configuration tables of the top-level README, generated from the applications' {@code ConfigDef}s: what
 * {@code newswire config} prints, and what {@code ConfigTablesTest} holds the README to.
 */
final class ConfigTables {

    private ConfigTables() {
    }

    /** Every application's settings as Markdown: the shared keys, then ingest, enrich, sink and the console without them. */
    static String markdown() {
        Set<String> shared = CommonConfig.DEF.names();
        return "### Every application\n\n" + CommonConfig.toMarkdown(CommonConfig.DEF)
                + "| `kafka.*` | | | medium | Passed to every Kafka client with the prefix removed: "
                + "`kafka.security.protocol`, `kafka.sasl.mechanism`, `kafka.sasl.jaas.config`, `kafka.ssl.truststore.location`, … |\n"
                + "\n### Ingest\n\n" + CommonConfig.toMarkdown(IngestConfig.DEF, shared)
                + "\n### Enrich\n\n" + CommonConfig.toMarkdown(EnrichConfig.DEF, shared)
                + "\n### Sink\n\n" + CommonConfig.toMarkdown(SinkConfig.DEF, shared)
                + "\n### Console and API\n\n" + CommonConfig.toMarkdown(ConsoleConfig.DEF, shared);
    }
}
