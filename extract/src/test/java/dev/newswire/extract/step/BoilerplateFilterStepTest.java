package dev.newswire.extract.step;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoilerplateFilterStepTest {

    private static List<String> filter(String title, List<String> authors, String... blocks) {
        PageContext p = PageContext.ofHtml(null, "");
        p.setMetadata(new Metadata(title, null, null, null, null, null, null, authors, null, null, null));
        List<Block> extracted = new ArrayList<>();
        for (String b : blocks) {
            extracted.add(new Block(b, "p", 0));
        }
        p.setExtractedBlocks(extracted);
        new BoilerplateFilterStep().apply(p);
        List<String> out = new ArrayList<>();
        p.blocks().forEach(b -> out.add(b.text()));
        return out;
    }

    @Test
    void dropsWholeBoilerplateLinesOnly() {
        List<String> out = filter(null, List.of(), "The minister resigned on Friday.",
                "He told reporters to leave a reply in writing by Monday.", "Source link", "What do you think?",
                "Written by ADMIN", "Leave a Reply", "Your email address will not be published. Required fields are marked *",
                "GIPHY App Key not set. Please check settings", "Share this:", "Advertisement");
        assertEquals(List.of("The minister resigned on Friday.", "He told reporters to leave a reply in writing by Monday."),
                out);
    }

    @Test
    void dropsTheRepeatedHeadlineAndBylineButKeepsShortStoryLines() {
        List<String> out = filter("Storm hits the coast", List.of("Anna Berg"), "Storm hits the coast", "Anna Berg",
                "By Anna Berg", "Nobody was hurt.", "Nobody was hurt.");
        assertEquals(List.of("Nobody was hurt.", "Nobody was hurt."), out);
    }

    @Test
    void withoutAClassifierDropsLinkBlocksAndLongRepeats() {
        PageContext p = PageContext.ofHtml(null, "");
        String quote = "This is a long pull quote that the page repeats in large type in the middle of the story.";
        p.setExtractedBlocks(List.of(new Block(quote, "p", 0),
                new Block("Another story people are reading today", "li", 39), new Block(quote, "blockquote", 0)));
        new BoilerplateFilterStep(null).apply(p);
        assertEquals(1, p.blocks().size());
        assertEquals(2, p.droppedBlocks().size());
    }

    @Test
    void cutsTheTailAfterAnEndOfArticleLine() {
        List<String> blocks = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            blocks.add("Paragraph " + i + " of the story, with enough words to count as real text in the article.");
        }
        blocks.add("Related posts");
        blocks.add("Ten things to do in the city this weekend");
        List<String> out = filter(null, List.of(), blocks.toArray(String[]::new));
        assertEquals(10, out.size());
        assertFalse(out.contains("Ten things to do in the city this weekend"));
    }

    @Test
    void doesNotCutWhenTheTailIsTheBiggerPart() {
        List<String> blocks = new ArrayList<>();
        blocks.add("Intro paragraph of a long feature that goes on for a while.");
        blocks.add("Comments");
        for (int i = 0; i < 10; i++) {
            blocks.add("Paragraph " + i + " of the story, with enough words to count as real text in the article.");
        }
        assertTrue(filter(null, List.of(), blocks.toArray(String[]::new)).size() >= 11);
    }
}
