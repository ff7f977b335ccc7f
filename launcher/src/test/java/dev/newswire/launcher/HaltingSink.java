package dev.newswire.launcher;

import dev.newswire.model.Article;
import dev.newswire.sink.ArticleStore;
import dev.newswire.sink.PostgresArticleStore;
import dev.newswire.sink.SinkApp;
import dev.newswire.sink.SinkConfig;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sink of {@code newswire sink}, in a JVM of its own, over a store that halts the JVM (no shutdown hooks, like a
 * power cut) right after its Nth database commit: the offsets are then in the database and not yet in Kafka. The
 * fault lives here, in test code; {@link FaultRig#launchMain} starts it.
 *
 * <p>Arguments: the number of commits, then {@code key=value} settings.
 */
public final class HaltingSink {

    /** The exit code of the halt, as a {@code kill -9} would give. */
    static final int HALT_STATUS = 137;

    private HaltingSink() {
    }

    public static void main(String[] args) throws Exception {
        int commits = Integer.parseInt(args[0]);
        Map<String, String> settings = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            settings.put(kv[0], kv[1]);
        }
        SinkConfig config = new SinkConfig(settings);
        SinkApp.start(config, new HaltAfterCommits(PostgresArticleStore.of(config), commits));
        Thread.sleep(Long.MAX_VALUE);
    }

    /** A store that halts the JVM after its Nth successful write. */
    private static final class HaltAfterCommits implements ArticleStore {
        private final ArticleStore store;
        private final int haltAfter;
        private int commits;

        HaltAfterCommits(ArticleStore store, int haltAfter) {
            this.store = store;
            this.haltAfter = haltAfter;
        }

        @Override
        public void write(List<Article> articles, String group, String topic, Map<Integer, Long> nextOffsets) throws SQLException {
            store.write(articles, group, topic, nextOffsets);
            if (++commits >= haltAfter) {
                System.err.println("HaltingSink: halting after database commit " + commits + ", before the Kafka offset commit");
                Runtime.getRuntime().halt(HALT_STATUS);
            }
        }

        @Override
        public void migrate() throws SQLException {
            store.migrate();
        }

        @Override
        public Map<Integer, Long> readOffsets(String group, String topic) throws SQLException {
            return store.readOffsets(group, topic);
        }

        @Override
        public void check(Article article) throws SQLException {
            store.check(article);
        }
    }
}
