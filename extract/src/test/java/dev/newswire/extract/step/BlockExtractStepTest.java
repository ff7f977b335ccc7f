package dev.newswire.extract.step;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class BlockExtractStepTest {

    @Test
    void blocksFollowDocumentOrderWithHeadingsListsAndLineBreaks() {
        PageContext p = StepTestSupport.run("<html><body><div class=\"entry-content\"><h2>Heading</h2>"
                + "<p>First  paragraph with <a href=/x>a link</a> and <b>bold</b>&nbsp;text.</p>"
                + "<ul><li>One</li><li>Two</li></ul><div>Loose text<br>second line</div>"
                + "<figure><img src=a.jpg><figcaption>Photo: someone</figcaption></figure>"
                + "<div class=\"share-buttons\">Share</div></div></body></html>",
                new PruneStep(), new MainContentStep(), new BlockExtractStep());
        List<String> texts = p.blocks().stream().map(Block::text).toList();
        assertEquals(List.of("Heading", "First paragraph with a link and bold text.", "One", "Two", "Loose text",
                "second line"), texts);
        assertEquals("h2", p.blocks().get(0).tag());
        assertEquals("a link".length(), p.blocks().get(1).linkChars(), 1);
    }

    @Test
    void textIsNfcNormalised() {
        PageContext p = StepTestSupport.run("<html><body><p>Cafe\u0301 cre\u0300me</p></body></html>",
                new PruneStep(), new MainContentStep(), new BlockExtractStep());
        assertEquals("Caf\u00e9 cr\u00e8me", p.blocks().get(0).text());
    }
}
