package dev.newswire.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class StoryAssignerTest {

    static final String STORY = """
            SEOUL, South Korea (AP) — Russian President Vladimir Putin arrived in North Korea early Wednesday for a \
            summit with leader Kim Jong Un, the first visit in 24 years, as the two countries deepen cooperation \
            amid their separate confrontations with the West.

            Putin's plane landed at Pyongyang's airport, where Kim greeted him with a handshake and a hug before \
            the two leaders rode in the same limousine through the capital, according to state media.

            Putin and Kim are expected to sign agreements on trade, security and energy, officials said. The \
            United States and South Korea have accused the North of supplying artillery shells and missiles to \
            Russia for its war in Ukraine, a charge both countries deny.

            The visit comes as Washington and its allies express growing concern over the military partnership, \
            which analysts say could help North Korea advance its weapons programs in exchange for munitions.""";

    static final String OTHER = """
            The European Central Bank kept interest rates unchanged on Thursday, saying inflation in the euro zone \
            was moving toward its two percent target but that risks from energy prices and wages remained.

            President of the bank told reporters in Frankfurt that the governing council would keep a close watch \
            on incoming data and was not committed to any particular path for rates in the coming months.

            Markets had expected the decision; the euro was little changed against the dollar after the \
            announcement, and bond yields fell slightly across the currency bloc.""";

    private final InMemorySketchStore store = new InMemorySketchStore();
    private final StoryAssigner assigner = new StoryAssigner(DedupSettings.DEFAULTS, store);

    @Test
    void theFirstArticleStartsItsOwnStory() {
        StoryDecision d = assigner.assign("a", STORY, 0);
        assertEquals(StoryDecision.Kind.NEW_STORY, d.kind());
        assertEquals("a", d.storyId());
        assertNull(d.duplicateOf());
    }

    @Test
    void theSameTextUnderAnotherIdIsAnExactDuplicateEvenWithOtherCaseAndPunctuation() {
        assigner.assign("a", STORY, 0);
        StoryDecision d = assigner.assign("b", STORY.toUpperCase().replace(",", " ;"), 1);
        assertEquals(StoryDecision.Kind.EXACT_DUPLICATE, d.kind());
        assertEquals("a", d.storyId());
        assertEquals("a", d.duplicateOf());
    }

    @Test
    void aCopyInsideAnAggregatorTemplateJoinsTheStory() {
        assigner.assign("a", STORY, 0);
        String copy = "Advertisement\n\nSubscribe to our newsletter for the day's top stories.\n\n" + STORY
                + "\n\nCopyright 2026 The Associated Press. All rights reserved.\n\nMost read today";
        StoryDecision d = assigner.assign("b", copy, 1);
        assertEquals(StoryDecision.Kind.NEAR_DUPLICATE, d.kind());
        assertEquals("a", d.storyId());
        assertEquals("a", d.duplicateOf());
    }

    @Test
    void aShortenedCopyJoinsTheStoryAndACopyOfTheCopyNamesTheOriginal() {
        assigner.assign("a", STORY, 0);
        String shortened = STORY.substring(0, STORY.indexOf("Putin and Kim are expected"));
        StoryDecision b = assigner.assign("b", shortened, 1);
        assertEquals("a", b.duplicateOf(), b.toString());
        StoryDecision c = assigner.assign("c", shortened + "\n\nRead more: the latest headlines", 2);
        assertEquals("a", c.storyId());
        assertEquals("a", c.duplicateOf(), "the original, not the copy it matched");
    }

    @Test
    void aDifferentStoryOnAnotherTopicStartsItsOwnStory() {
        assigner.assign("a", STORY, 0);
        StoryDecision d = assigner.assign("b", OTHER, 1);
        assertEquals(StoryDecision.Kind.NEW_STORY, d.kind());
        assertEquals("b", d.storyId());
    }

    @Test
    void theSameIdAgainIsAVersionOfItsStoryNotADuplicate() {
        assigner.assign("a", STORY, 0);
        assigner.assign("b", STORY + "\n\nAdvertisement", 1);
        StoryDecision again = assigner.assign("b", STORY + "\n\nUpdated with a new paragraph at the end.", 2);
        assertEquals(StoryDecision.Kind.VERSION, again.kind());
        assertEquals("a", again.storyId());
        assertEquals("a", again.duplicateOf());
        StoryDecision original = assigner.assign("a", OTHER, 3);
        assertEquals(StoryDecision.Kind.VERSION, original.kind(), "same id stays in its story even when rewritten");
        assertEquals("a", original.storyId());
        assertNull(original.duplicateOf());
    }

    @Test
    void copiesArrivingAfterTheWindowStartANewStory() {
        StoryAssigner small = new StoryAssigner(DedupSettings.DEFAULTS.withWindow(Duration.ofMillis(100)), store);
        small.assign("a", STORY, 0);
        assertEquals("a", small.assign("b", STORY, 100).storyId(), "inside the window");
        assertEquals("c", small.assign("c", STORY, 10_000).storyId(), "after it");
    }

    @Test
    void expiryForgetsOldArticlesTheirFingerprintsAndBuckets() {
        StoryAssigner small = new StoryAssigner(DedupSettings.DEFAULTS.withWindow(Duration.ofMillis(100)), store);
        small.assign("a", STORY, 0);
        small.assign("b", OTHER, 500);
        assertEquals(1, small.expire(550));
        assertEquals(1, store.size());
        assertNull(store.article("a"));
        assertNull(store.exact(Sketch.of(STORY, DedupSettings.DEFAULTS).exactHash()));
        for (String key : LshBands.bucketKeys(Sketch.of(STORY, DedupSettings.DEFAULTS), DedupSettings.DEFAULTS)) {
            assertTrue(!store.bucket(key).contains("a"), key);
        }
    }

    @Test
    void shortTextsAreOnlyComparedExactly() {
        assigner.assign("a", "Breaking: explosion reported in the city centre, police say.", 0);
        StoryDecision similar = assigner.assign("b", "Breaking: explosion reported in the city centre, officials say.", 1);
        assertEquals(StoryDecision.Kind.NEW_STORY, similar.kind());
        StoryDecision same = assigner.assign("c", "BREAKING - explosion reported in the city centre; police say", 2);
        assertEquals(StoryDecision.Kind.EXACT_DUPLICATE, same.kind());
    }

    @Test
    void emptyTextsNeverMatch() {
        assigner.assign("a", "", 0);
        StoryDecision d = assigner.assign("b", "  ", 1);
        assertEquals("b", d.storyId());
        assertNull(d.duplicateOf());
    }
}
