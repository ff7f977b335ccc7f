package dev.newswire.extract.step;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PageContextTest {

    @Test
    void eachStepResultIsSetOnce() {
        PageContext p = PageContext.ofHtml(null, "<p>x</p>");
        p.setMetadata(Metadata.NONE);
        assertThrows(IllegalStateException.class, () -> p.setMetadata(Metadata.NONE));
        p.setExtractedBlocks(List.of(new Block("x", "p", 0)));
        assertThrows(IllegalStateException.class, () -> p.setExtractedBlocks(List.of()));
        p.setVerdict(new PageContext.Verdict("article", 0));
        assertThrows(IllegalStateException.class, () -> p.setVerdict(new PageContext.Verdict("index", 0)));
    }

    @Test
    void missingResultsReadAsEmpty() {
        PageContext p = PageContext.ofHtml("https://example.com/a", "<p>x</p>");
        assertSame(Metadata.NONE, p.metadata());
        assertTrue(p.blocks().isEmpty());
        assertTrue(p.contentRoots().isEmpty());
        assertNull(p.published());
        assertEquals("UTF-8", p.charset());
    }

    @Test
    void theMainTextIsTheFilteredTextOnceFiltered() {
        PageContext p = PageContext.ofHtml(null, "");
        Block kept = new Block("Kept paragraph", "p", 0);
        Block dropped = new Block("Share this", "p", 0);
        p.setExtractedBlocks(List.of(kept, dropped));
        assertEquals(2, p.blocks().size(), "before the filter: the extracted blocks");
        p.setFiltered(new PageContext.Filtered(List.of(kept), List.of(dropped)));
        assertEquals(List.of(kept), p.blocks());
        assertEquals(List.of(dropped), p.droppedBlocks());
        assertEquals("Kept paragraph", p.text());
    }

    @Test
    void theTextDateOnlyStandsInForAMissingMetadataDate() {
        DateValue meta = new DateValue(java.time.Instant.parse("2025-01-02T00:00:00Z"), "2025-01-02", "meta");
        DateValue text = new DateValue(java.time.Instant.parse("2025-03-04T00:00:00Z"), "2025-03-04", "text");
        PageContext p = PageContext.ofHtml(null, "");
        p.setTextDate(text);
        assertSame(text, p.published());
        p.setMetadata(new Metadata(null, null, null, null, null, null, null, List.of(), meta, null, null));
        assertSame(meta, p.published());
    }
}
