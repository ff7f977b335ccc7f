package dev.newswire.benchmarks.search;

import dev.newswire.dedup.eval.StoryCorpus;
import dev.newswire.model.Article;
import dev.newswire.model.Keys;
import dev.newswire.sink.PostgresArticleStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A store of N articles for the search benchmark, written through the sink's own store (so the generated search
 * vector and every index are maintained as in production). Texts are the dev set's real article texts (787 stories,
 * mostly English news), each article one of them with its paragraphs shuffled and cut, so the vocabulary and
 * lengths are those of news; 10–30 entities per article drawn from a pool of 5,000 with a Zipf-like skew (a few
 * entities in a fifth of the articles, most in a handful), "Kim Jong Un" in about 1 % of them; publication times
 * spread over two years; 5 % of the articles copies in stories. Seeded: the same N gives the same store.
 */
final class SearchCorpus {

    static final String[] COMMON = {"United States", "Russia", "China", "United Nations", "European Union"};
    private static final String[] TYPES = {"PERSON", "LOCATION", "ORGANIZATION"};

    private SearchCorpus() {
    }

    /** Writes {@code n} articles into the (migrated) store. */
    static void fill(PostgresArticleStore store, int n, Path groundTruth) throws Exception {
        List<String> texts = new ArrayList<>();
        for (StoryCorpus.Story s : StoryCorpus.load(groundTruth)) {
            if (s.text().length() > 500) {
                texts.add(s.text());
            }
        }
        Random random = new Random(42);
        Instant start = Instant.parse("2024-12-01T00:00:00Z");
        List<Article> batch = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            String base = texts.get(random.nextInt(texts.size()));
            List<String> paragraphs = new ArrayList<>(List.of(base.split("\n\n")));
            Collections.shuffle(paragraphs, random);
            paragraphs = paragraphs.subList(0, Math.max(1, (int) (paragraphs.size() * (0.5 + random.nextDouble() / 2))));
            String text = String.join("\n\n", paragraphs);
            String title = firstWords(paragraphs.get(0), 12);
            List<Article.Entity> entities = new ArrayList<>();
            int count = 10 + random.nextInt(21);
            java.util.Set<Integer> chosen = new java.util.HashSet<>();
            if (random.nextInt(100) == 0) {
                entities.add(entity("PERSON", "Kim Jong Un", "wikidata:Q56226", random));
            }
            for (int e = 0; e < count; e++) {
                // Zipf-like: entity k is chosen with a probability falling as 1/k
                int k = (int) Math.floor(Math.pow(5000, random.nextDouble()));
                if (!chosen.add(k)) {
                    continue;
                }
                String name = k <= COMMON.length ? COMMON[k - 1] : "Entity " + k;
                String type = k <= COMMON.length ? (k == 4 || k == 5 ? "ORGANIZATION" : "LOCATION") : TYPES[k % 3];
                entities.add(entity(type, name, "wikidata:Q" + (1_000_000 + k), random));
            }
            String url = "https://site" + (i % 200) + ".example/news/" + i;
            String id = Keys.articleId(url);
            String storyId = i > 0 && random.nextInt(20) == 0 ? Keys.articleId("https://site" + ((i - 1) % 200) + ".example/news/" + (i - 1)) : id;
            Instant published = start.plusSeconds((long) (random.nextDouble() * 730 * 86400));
            batch.add(new Article(1, id, url, url, "site" + (i % 200) + ".example", null, title, null, List.of(), published,
                    "meta", null, random.nextInt(10) == 0 ? "de" : "en", text, paragraphs, entities, published.plusSeconds(600),
                    "bench", new Article.Quality("article", true, text.length(), 0.05), storyId, storyId.equals(id) ? null : storyId));
            if (batch.size() == 500 || i == n - 1) {
                store.write(batch, "bench", "news.articles", Map.of(0, (long) i + 1));
                batch.clear();
            }
            if ((i + 1) % 10_000 == 0) {
                System.err.printf("search corpus: %,d articles written in %d s%n", i + 1, (System.nanoTime() - t0) / 1_000_000_000);
            }
        }
    }

    private static Article.Entity entity(String type, String name, String id, Random random) {
        int mentions = 1 + random.nextInt(4);
        List<Article.Mention> list = new ArrayList<>();
        for (int m = 0; m < mentions; m++) {
            list.add(new Article.Mention(m * 10, m * 10 + 5, name));
        }
        return new Article.Entity(type, name, id, random.nextDouble(), mentions, Map.of(), list);
    }

    private static String firstWords(String s, int n) {
        String[] words = s.split("\\s+");
        return String.join(" ", java.util.Arrays.copyOf(words, Math.min(n, words.length)));
    }

    static boolean ready(Path dir) {
        return Files.exists(dir.resolve("complete"));
    }
}
