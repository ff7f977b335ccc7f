package dev.newswire.enrich;

import dev.newswire.model.Topics;
import dev.newswire.dedup.DedupSettings;
import dev.newswire.dedup.StoryAssigner;
import dev.newswire.dedup.StoryDecision;
import dev.newswire.model.Article;
import dev.newswire.model.Json;
import dev.newswire.model.PayloadException;
import java.time.Duration;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives each enriched article its story ({@code storyId}, {@code duplicateOf}) with the dedup module's
 * {@link StoryAssigner} over the {@link StoryStores} state stores, then sends it to news.articles. It reads the
 * single-partition {@link Topics#ENRICHED}, so one task sees every article in one order and the
 * decision is global (see dedup/README.md). Pages that are not articles (index pages, errors) are their own story
 * and are not indexed.
 */
final class StoryProcessor implements Processor<String, byte[], String, byte[]> {

    private static final Logger LOG = LoggerFactory.getLogger(StoryProcessor.class);
    /** How often (in stream time) articles older than the window are forgotten. */
    static final Duration EXPIRY_INTERVAL = Duration.ofHours(1);

    private final DedupSettings settings;
    private final String articlesSink;
    private final String deadLetterSink;
    private ProcessorContext<String, byte[]> context;
    private StoryAssigner assigner;

    StoryProcessor(DedupSettings settings, String articlesSink, String deadLetterSink) {
        this.settings = settings;
        this.articlesSink = articlesSink;
        this.deadLetterSink = deadLetterSink;
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        this.context = context;
        this.assigner = new StoryAssigner(settings, new StoryStores(context));
        context.schedule(EXPIRY_INTERVAL, PunctuationType.STREAM_TIME, now -> {
            int forgotten = assigner.expire(now);
            if (forgotten > 0) {
                LOG.info("Forgot {} article(s) not seen for {} days", forgotten, settings.window().toDays());
            }
        });
    }

    @Override
    public void process(Record<String, byte[]> record) {
        try {
            long t = StepTimes.now();
            // only what the decision needs is read; the article's JSON is passed on with the story appended
            Json.ArticleHead article = Json.readArticleHead(record.value());
            t = StepTimes.record(StepTimes.Step.STORY_READ, t);
            StoryDecision story = storyOf(article, record.timestamp());
            t = StepTimes.record(StepTimes.Step.STORY, t);
            byte[] json = article.storyId() == null && article.duplicateOf() == null
                    ? Json.withStory(record.value(), story.storyId(), story.duplicateOf())
                    : Json.write(Json.readArticle(record.value()).withStory(story.storyId(), story.duplicateOf()));
            StepTimes.record(StepTimes.Step.STORY_SERIALISE, t);
            context.forward(new Record<>(article.id(), json, record.timestamp()), articlesSink);
        } catch (PayloadException e) {
            deadLetter(record, e.reason(), e);
        } catch (RuntimeException e) {
            deadLetter(record, "story-failed", e);
        }
    }

    private StoryDecision storyOf(Json.ArticleHead article, long seenAt) {
        boolean isArticle = article.quality() == null || article.quality().isArticle();
        if (!isArticle || article.text() == null || article.text().isBlank()) {
            return new StoryDecision(article.id(), null, StoryDecision.Kind.NEW_STORY, null, 0, 0);
        }
        return assigner.assign(article.id(), article.text(), seenAt);
    }

    private void deadLetter(Record<String, byte[]> record, String reason, Throwable error) {
        EnrichDeadLetters.forward(context, deadLetterSink, Topics.ENRICHED, record, reason, error);
    }
}
