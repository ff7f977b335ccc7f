package dev.newswire.model;

/**
 * Current payload schema versions. A reader accepts versions up to these and rejects newer ones with
 * {@link PayloadException} rather than guessing.
 */
public final class SchemaVersions {
    /**
     * {@link RawPage} as JSON: {@code schemas/raw-page.v1.schema.json}. The form of the ingest HTTP API and of the
     * news.raw values written before v2; still read.
     */
    public static final int RAW_PAGE = 1;
    /**
     * {@link RawPage} as the binary envelope {@link RawPageEnvelope} that ingest writes to news.raw: raw body bytes,
     * metadata {@code schemas/raw-page.v2.schema.json}. There is no JSON v2: a JSON value claiming 2 is rejected.
     */
    public static final int RAW_PAGE_ENVELOPE = 2;
    /** {@link Article}: {@code schemas/article.v1.schema.json}. */
    public static final int ARTICLE = 1;

    private SchemaVersions() {
    }
}
