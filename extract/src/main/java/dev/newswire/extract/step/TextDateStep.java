package dev.newswire.extract.step;

/**
 * The last resort for the publication date: when no metadata, {@code <time>} or URL gave one, a date written in a
 * short line of the article area ("Published September 4, 2025", "4 Sep 2025") is taken, with source "text".
 * The lines looked at are the ones the boilerplate filter set aside (date and byline lines) and the first
 * blocks of the text.
 */
public final class TextDateStep implements ExtractionStep {

    /** Longest line searched: a date line is short; a story sentence with a date in it is not its dateline. */
    static final int MAX_LINE_CHARS = 120;
    /** How many blocks from the top of the text are searched. */
    static final int TOP_BLOCKS = 3;

    private final DateParser dates;

    public TextDateStep(DateParser dates) {
        this.dates = dates;
    }

    @Override
    public void apply(PageContext page) {
        if (page.metadata().published() != null) {
            return;
        }
        for (Block b : page.droppedBlocks()) {
            if (found(page, b)) {
                return;
            }
        }
        for (int i = 0; i < Math.min(TOP_BLOCKS, page.blocks().size()); i++) {
            if (found(page, page.blocks().get(i))) {
                return;
            }
        }
    }

    private boolean found(PageContext page, Block b) {
        if (b.text().length() > MAX_LINE_CHARS) {
            return false;
        }
        DateValue v = dates.parseInText(b.text(), "text");
        if (v != null) {
            page.setTextDate(v);
            return true;
        }
        return false;
    }
}
