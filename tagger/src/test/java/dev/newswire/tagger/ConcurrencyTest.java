package dev.newswire.tagger;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** One loaded tagger serves many threads: results are the same as tagging alone. */
class ConcurrencyTest {

    @Test
    void sharedTaggerGivesTheSameEntitiesOnEveryThread() throws Exception {
        Tagger tagger = Tagger.load();
        String story = SampleStory.text();
        List<Entity> alone = tagger.tag(story);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Entity>>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                results.add(pool.submit(() -> tagger.tag(story)));
            }
            for (Future<List<Entity>> r : results) {
                assertEquals(alone, r.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
