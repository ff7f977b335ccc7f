package dev.newswire.benchmarks.search;

import com.zaxxer.hikari.HikariDataSource;
import dev.newswire.embedded.EmbeddedDatabase;
import dev.newswire.search.ArticleSearch;
import dev.newswire.search.SearchDataSource;
import dev.newswire.search.SearchPage;
import dev.newswire.search.SearchQuery;
import dev.newswire.shareddata.SharedData;
import dev.newswire.sink.PostgresArticleStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Search latency on a store of 10,000 and 100,000 articles (real PostgreSQL 14, embedded; {@link SearchCorpus}),
 * through {@link ArticleSearch} and its connection pool as the API calls it: one page of 20 results with
 * snippets and entities. Sample time: JMH prints the percentiles (p0.95 is the goal's figure).
 * <ul>
 *   <li>{@code textAndEntity}: a text query with an entity filter (the goal: &lt; 50 ms p95 at 10,000), the query
 *       words and entity rotating over a few of each;</li>
 *   <li>{@code textAndCommonEntity}: a common word and an entity in a fifth of the articles (the hard case);</li>
 *   <li>{@code textOnly}, {@code entityNewest}: ranked text alone; newest articles of an entity;</li>
 *   <li>{@code facets}: the top entities of a text search (the console's facets).</li>
 * </ul>
 * The store is built once per size into {@code target/search-perf/N} (minutes for 100,000; {@code mvn clean} removes
 * it) and reused. Run from the project root:
 * {@code java -jar benchmarks/target/benchmarks.jar SearchPerf -p articles=10000,100000}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class SearchPerf {

    private static final String[] WORDS = {"sanctions", "election", "police", "economy", "minister", "climate"};
    private static final String[] ENTITIES = {"Kim Jong Un", "Entity 7", "Entity 42", "wikidata:Q1000113", "Entity 250"};

    @Param({"10000"})
    public int articles;

    private EmbeddedDatabase db;
    private HikariDataSource pool;
    private ArticleSearch search;
    private int next;

    @Setup(Level.Trial)
    public void start() throws Exception {
        Path dir = Path.of("benchmarks", "target", "search-perf", Integer.toString(articles)).toAbsolutePath();
        boolean fresh = !SearchCorpus.ready(dir);
        if (fresh && Files.exists(dir)) {
            throw new IllegalStateException(dir + " holds an unfinished store: delete it");
        }
        db = EmbeddedDatabase.start(dir.resolve("pgdata"), 0);
        if (fresh) {
            PostgresArticleStore store = new PostgresArticleStore(db.jdbcUrl(), "", "");
            store.migrate();
            long t0 = System.nanoTime();
            SearchCorpus.fill(store, articles, SharedData.require("datasets/extraction-dev/ground-truth.json"));
            try (var c = store.connect(); var st = c.createStatement()) {
                c.setAutoCommit(true);
                st.execute("VACUUM ANALYZE");
            }
            System.err.printf("search corpus of %,d articles built in %d s%n", articles, (System.nanoTime() - t0) / 1_000_000_000);
            Files.writeString(dir.resolve("complete"), Instant.now().toString());
        }
        pool = SearchDataSource.pool(db.jdbcUrl(), "", "");
        search = new ArticleSearch(pool);
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        pool.close();
        db.close();
    }

    private int turn() {
        return next++ & 0x7fffffff;
    }

    @Benchmark
    public SearchPage textAndEntity() {
        int i = turn();
        return search.search(SearchQuery.builder().text(WORDS[i % WORDS.length]).entity(ENTITIES[i % ENTITIES.length]).build());
    }

    @Benchmark
    public SearchPage textAndCommonEntity() {
        int i = turn();
        return search.search(SearchQuery.builder().text(WORDS[i % WORDS.length]).entity(SearchCorpus.COMMON[i % 2]).build());
    }

    @Benchmark
    public SearchPage textOnly() {
        return search.search(SearchQuery.builder().text(WORDS[turn() % WORDS.length]).build());
    }

    @Benchmark
    public SearchPage entityNewest() {
        return search.search(SearchQuery.builder().entity(ENTITIES[turn() % ENTITIES.length]).build());
    }

    @Benchmark
    public List<?> facets() {
        return search.topEntities(SearchQuery.builder().text(WORDS[turn() % WORDS.length]).build(), null, 30);
    }
}
