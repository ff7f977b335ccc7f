package dev.newswire.extract.step;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlockClassifierTest {

    private static final String STORY = "The council approved the budget on Tuesday after a long debate about the cost of "
            + "the new tram line, which residents have asked for since the old one closed in the nineties.";

    private static List<Block> kept(List<Block> blocks) {
        PageContext p = PageContext.ofHtml(null, "");
        p.setExtractedBlocks(blocks);
        new BoilerplateFilterStep().apply(p);
        return p.blocks();
    }

    @Test
    void keepsStoryTextAndLinkedSubheadingsDropsATrailingLinkList() {
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            blocks.add(new Block(STORY + " Paragraph " + i + ".", "p", 0));
            blocks.add(new Block("Library tote bag " + i, "h3", 18));
        }
        blocks.add(new Block(STORY, "p", 0));
        List<Block> related = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            related.add(new Block("Another story people are reading today " + i, "div", 41));
        }
        blocks.addAll(related);
        List<Block> kept = kept(blocks);
        assertTrue(kept.stream().filter(b -> b.tag().equals("h3")).count() == 4, "linked subheadings of a listicle stay");
        assertEquals(5, kept.stream().filter(b -> b.tag().equals("p")).count());
        for (Block r : related) {
            assertFalse(kept.contains(r), "a run of link-only teasers goes: " + r.text());
        }
    }

    @Test
    void theStandardModelHasAWeightForEveryFeature() {
        BlockClassifier c = BlockClassifier.standard();
        assertEquals(BlockFeatures.NAMES.size(), c.weights().length);
        assertTrue(c.threshold() > 0 && c.threshold() < 1);
    }

    @Test
    void aWeightsFileMissingAFeatureIsRefused() {
        String file = "threshold 0.5\nbias 1.0\n";
        assertThrows(IllegalStateException.class,
                () -> BlockClassifier.load(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8))));
    }
}
