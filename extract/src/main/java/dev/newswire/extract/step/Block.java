package dev.newswire.extract.step;

/**
 * One block of main text: a paragraph, heading, list item, quote or table row.
 *
 * @param text      whitespace-cleaned text
 * @param tag       the HTML tag that made the block ("p", "h2", "li", ...)
 * @param linkChars characters of {@code text} that sit inside links
 */
public record Block(String text, String tag, int linkChars) {

    /** Share of the block's characters inside links (0..1). */
    public double linkDensity() {
        return text.isEmpty() ? 0 : Math.min(1.0, (double) linkChars / text.length());
    }

    /** Whether the block is a heading. */
    public boolean isHeading() {
        return tag.length() == 2 && tag.charAt(0) == 'h' && Character.isDigit(tag.charAt(1));
    }
}
