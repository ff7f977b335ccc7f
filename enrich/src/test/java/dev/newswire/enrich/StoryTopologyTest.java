package dev.newswire.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newswire.dedup.DedupSettings;
import dev.newswire.dedup.StoredArticle;
import dev.newswire.metrics.Metrics;
import dev.newswire.model.Article;
import dev.newswire.model.DeadLetters;
import dev.newswire.model.Json;
import dev.newswire.model.Topics;
import io.micrometer.core.instrument.Counter;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Story assignment in the enrich topology, through the TopologyTestDriver. */
class StoryTopologyTest {

    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> raw;
    private TestOutputTopic<String, byte[]> articles;
    private TestOutputTopic<String, byte[]> dlq;

    private TopologyFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new TopologyFixture("story-test");
        driver = fixture.driver;
        raw = fixture.raw;
        articles = fixture.articles;
        dlq = fixture.dlq;
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    private void send(String url, String html, Instant at) {
        raw.pipeInput(url, ApStoryVariants.page(url, html, at), at);
    }

    private List<Article> readArticles() {
        return articles.readValuesToList().stream().map(Json::readArticle).toList();
    }

    /**
     * "Member" = one record in news.articles that carries the story id: here four distinct articles (four canonical
     * URLs, four rows in the store) and one version (the re-crawl of the original's URL, same article id, which
     * the store upserts into the original's row, keeping its first fetch time and taking the later one as last).
     */
    @Test
    void theApStorySentAsFiveVariantsIsOneStoryWithFiveMembersFourArticlesAndOneVersion() {
        Instant t0 = ApStoryVariants.FIRST_FETCH;
        send(ApStoryVariants.ORIGINAL_URL, ApStoryVariants.original(), t0);
        send(ApStoryVariants.AGGREGATOR_URL, ApStoryVariants.aggregatorCopy(), t0.plus(Duration.ofHours(1)));
        send(ApStoryVariants.SHORTENED_URL, ApStoryVariants.shortened(), t0.plus(Duration.ofHours(2)));
        send(ApStoryVariants.EDITED_URL, ApStoryVariants.editedHeadline(), t0.plus(Duration.ofHours(3)));
        send(ApStoryVariants.ORIGINAL_URL, ApStoryVariants.original(), t0.plus(Duration.ofDays(1)));

        List<Article> out = readArticles();
        assertEquals(5, out.size(), "five members");
        String originalId = out.get(0).id();
        assertEquals(List.of(originalId, originalId, originalId, originalId, originalId),
                out.stream().map(Article::storyId).toList(), "one story, named after its first-seen article");
        assertEquals(Arrays.asList(null, originalId, originalId, originalId, null),
                out.stream().map(Article::duplicateOf).toList(), "copies name the original; a version is no copy");
        assertEquals(4, out.stream().map(Article::id).distinct().count(), "four articles");
        assertEquals(originalId, out.get(4).id(), "the re-crawl is a version of the original");
        assertEquals(t0.plus(Duration.ofDays(1)), out.get(4).fetchedAt());
        assertTrue(articles.isEmpty());
        assertTrue(dlq.isEmpty());
    }

    @Test
    void anUnreadableEnrichedRecordIsADeadLetterWithItsProvenanceAndIsCounted() {
        TestInputTopic<String, byte[]> enriched = driver.createInputTopic(Topics.ENRICHED,
                new StringSerializer(), new ByteArraySerializer());
        double failedBefore = failedCount("invalid-json");
        enriched.pipeInput("k", "{not json".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        org.apache.kafka.streams.test.TestRecord<String, byte[]> dead = dlq.readRecord();
        assertEquals("invalid-json", DeadLetters.header(dead.headers(), DeadLetters.REASON));
        assertEquals(Topics.ENRICHED, DeadLetters.header(dead.headers(), DeadLetters.SOURCE_TOPIC));
        assertEquals("enrich", DeadLetters.header(dead.headers(), DeadLetters.STAGE));
        assertTrue(articles.isEmpty());
        assertEquals(failedBefore + 1, failedCount("invalid-json"), "the story step's dead letters are counted too");
    }

    private static double failedCount(String reason) {
        Counter c = Metrics.global().registry().find(Metrics.RECORDS_FAILED).tag("stage", "enrich").tag("reason", reason).counter();
        return c == null ? 0 : c.count();
    }

    @Test
    void aDifferentStoryIsItsOwnStory() {
        Instant t0 = ApStoryVariants.FIRST_FETCH;
        send(ApStoryVariants.ORIGINAL_URL, ApStoryVariants.original(), t0);
        String other = "<html><head><title>ECB</title></head><body><article><h1>ECB holds rates</h1>"
                + "<p>The European Central Bank kept interest rates unchanged on Thursday, saying inflation in the euro "
                + "zone was moving toward its two percent target but that risks from energy prices and wages remained, "
                + "and that the governing council would watch incoming data closely before deciding its next step.</p>"
                + "<p>Markets had expected the decision; the euro was little changed against the dollar after the "
                + "announcement, and bond yields fell slightly across the currency bloc as traders priced in cuts.</p>"
                + "</article></body></html>";
        send("https://news.example/ecb", other, t0.plusSeconds(60));
        List<Article> out = readArticles();
        assertEquals(2, out.size());
        assertEquals(out.get(1).id(), out.get(1).storyId());
        assertNull(out.get(1).duplicateOf());
        assertNotEquals(out.get(0).storyId(), out.get(1).storyId());
    }

    @Test
    void aCopyArrivingAfterTheWindowStartsANewStoryAndStreamTimeExpiresTheOldIndex() {
        Instant t0 = ApStoryVariants.FIRST_FETCH;
        send(ApStoryVariants.ORIGINAL_URL, ApStoryVariants.original(), t0);
        String originalId = readArticles().get(0).id();
        KeyValueStore<String, byte[]> index = driver.getKeyValueStore(StoryStores.ARTICLES);
        assertNotNull(index.get(originalId));

        Instant late = t0.plus(DedupSettings.DEFAULTS.window()).plus(Duration.ofHours(2));
        send(ApStoryVariants.AGGREGATOR_URL, ApStoryVariants.aggregatorCopy(), late);
        Article copy = readArticles().get(0);
        assertEquals(copy.id(), copy.storyId(), "outside the 14-day window: a new story");
        assertNull(copy.duplicateOf());
        assertNull(index.get(originalId), "the hourly stream-time punctuation forgot the old article");
        StoredArticle kept = StoredArticle.fromBytes(index.get(copy.id()));
        assertEquals(copy.id(), kept.storyId());
    }
}
