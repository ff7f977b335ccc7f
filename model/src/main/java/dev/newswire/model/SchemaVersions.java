package dev.newswire.model;

/**
 * Current payload schema versions. A reader accepts versions up to these and rejects newer ones with
 * {@link PayloadException} rather than guessing.
 */
public final class SchemaVersions {
    /** {@link RawPage}: {@code schemas/raw-page.v1.schema.json}. */
    public static final int RAW_PAGE = 1;
    /** {@link Article}: {@code schemas/article.v1.schema.json}. */
    public static final int ARTICLE = 1;

    private SchemaVersions() {
    }
}
