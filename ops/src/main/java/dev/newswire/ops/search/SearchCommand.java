package dev.newswire.ops.search;

import com.zaxxer.hikari.HikariDataSource;
import dev.newswire.model.CommonOptions;
import dev.newswire.model.Json;
import dev.newswire.ops.cli.StoreLocator;
import dev.newswire.ops.cli.Terminal;
import dev.newswire.ops.cli.TimeArgs;
import dev.newswire.ops.console.ConsoleServer;
import dev.newswire.search.ArticleSearch;
import dev.newswire.search.ArticleSummary;
import dev.newswire.search.EntityRef;
import dev.newswire.search.SearchDataSource;
import dev.newswire.search.SearchPage;
import dev.newswire.search.SearchQuery;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code newswire search}: the store's search from the command line, the same query as {@code GET /api/articles}. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Search the stored articles: full text (best match first) and entity, host, language, time and "
                + "story filters (newest first without words). The same search as GET /api/articles.",
                "Examples:  search sanctions --entity \"Kim Jong Un\" --since 7d    search --entity geonames:1871859 --json"})
public final class SearchCommand implements Callable<Integer> {

    private static final int WIDTH = 100;

    @Mixin
    CommonOptions options;

    @Parameters(paramLabel = "WORDS", arity = "0..*", description = "Text query, web-search syntax: words, \"a phrase\", or, -word.")
    List<String> words = new ArrayList<>();

    @Option(names = "--entity", paramLabel = "NAME|ID", description = "An entity the articles mention: canonical name (any case) or id (geonames:…, wikidata:…, iso3166:…). Repeatable: all must match.")
    List<String> entities = new ArrayList<>();

    @Option(names = "--type", paramLabel = "TYPE", description = "person, location, organization or misc: the type of --entity, or alone: articles with an entity of this type.")
    String type;

    @Option(names = "--host", paramLabel = "HOST", description = "Articles of this host (subdomains too).")
    String host;

    @Option(names = "--language", paramLabel = "CODE", description = "ISO 639-1 language, e.g. en.")
    String language;

    @Option(names = "--since", paramLabel = "WHEN", description = "Published at or after: 7d, 12h, 2024-06-18, 2024-06-18T06:00:00Z.")
    String since;

    @Option(names = "--until", paramLabel = "WHEN", description = "Published before (same forms).")
    String until;

    @Option(names = "--story", paramLabel = "ID", description = "The articles of one story.")
    String story;

    @Option(names = "--all-pages", description = "Include pages flagged as not articles (index, paywall, error pages).")
    boolean allPages;

    @Option(names = {"-n", "--limit"}, paramLabel = "N", description = "Articles to show, at most 100 (default: ${DEFAULT-VALUE}).")
    int limit = SearchQuery.DEFAULT_LIMIT;

    @Option(names = "--cursor", paramLabel = "CURSOR", description = "Continue after the previous page (printed on stderr when there is more).")
    String cursor;

    @Option(names = "--json", description = "One JSON object per line, as the API lists articles.")
    boolean json;

    @Option(names = "--jdbc-url", paramLabel = "URL", description = "The article store (default: sink.jdbc.url from the settings, else the database of a running './newswire run').")
    String jdbcUrl;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Instant now = Instant.now();
        SearchQuery.Builder b = SearchQuery.builder()
                .text(String.join(" ", words))
                .type(type).host(host).language(language)
                .since(since == null ? null : TimeArgs.pointInTime(since, now))
                .until(until == null ? null : TimeArgs.pointInTime(until, now))
                .story(story).allPages(allPages).limit(limit).cursor(cursor);
        entities.forEach(b::entity);
        SearchQuery query = b.build();
        ConsoleServer.Database db = jdbcUrl != null ? new ConsoleServer.Database(jdbcUrl, null, null) : StoreLocator.find(options);
        if (db == null) {
            throw new IllegalStateException("no article store: set sink.jdbc.url (or --jdbc-url), or start './newswire run'"
                    + (options.hasDataDir() ? " with --data-dir " + options.dataDir() : ""));
        }
        SearchPage page;
        try (HikariDataSource pool = SearchDataSource.pool(db.jdbcUrl(), db.user(), db.password(), 1)) {
            page = new ArticleSearch(pool).search(query);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (ArticleSummary a : page.articles()) {
            if (json) {
                out.println(new String(Json.write(a), StandardCharsets.UTF_8));
            } else {
                out.print(format(a));
            }
        }
        out.flush();
        err.println("search: " + page.articles().size() + " article" + (page.articles().size() == 1 ? "" : "s")
                + (page.next() == null ? "" : "; more with --cursor " + page.next()));
        err.flush();
        return 0;
    }

    /** An article for a person: title, address and facts, the snippet, the people, places and organisations. */
    static String format(ArticleSummary a) {
        StringBuilder sb = new StringBuilder();
        sb.append("━━ ").append(Terminal.safe(a.title() == null || a.title().isBlank() ? "(no title)" : a.title())).append('\n');
        List<String> facts = new ArrayList<>();
        facts.add(Terminal.safe(a.url()));
        if (a.language() != null) {
            facts.add(Terminal.safe(a.language()));
        }
        if (a.publishedAt() != null) {
            facts.add("published " + a.publishedAt());
        }
        if (a.duplicateOf() != null) {
            facts.add("copy of " + a.duplicateOf());
        }
        facts.add("id " + a.id());
        sb.append("   ").append(String.join(" · ", facts)).append('\n');
        for (String l : wrap(Terminal.safe(a.snippet()), WIDTH - 3)) {
            sb.append("   ").append(l).append('\n');
        }
        entities(sb, "People", a, "PERSON");
        entities(sb, "Places", a, "LOCATION");
        entities(sb, "Organisations", a, "ORGANIZATION");
        return sb.append('\n').toString();
    }

    private static void entities(StringBuilder sb, String label, ArticleSummary a, String type) {
        String names = a.entities().stream().filter(e -> type.equals(e.type())).map(EntityRef::name).map(Terminal::safe)
                .limit(12).collect(Collectors.joining(", "));
        if (!names.isEmpty()) {
            for (String l : wrap(label + ": " + names, WIDTH - 3)) {
                sb.append("   ").append(l).append('\n');
            }
        }
    }

    private static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String w : text.split(" ")) {
            if (w.isEmpty()) {
                continue;
            }
            if (line.length() > 0 && line.length() + 1 + w.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(w);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }
}
