package dev.newswire.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;

/** The one JSON mapper of the pipeline, and the readers that validate payloads. */
public final class Json {

    /** Shared, thread-safe mapper: ISO-8601 instants, unknown fields ignored (they may come from a newer minor writer). */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .build();

    static {
        // Pages are a few MB of base64: allow long strings, but keep nesting bounded against hostile input.
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength(64 * 1024 * 1024)
                .maxNestingDepth(200)
                .build());
    }

    private Json() {
    }

    /** Serialises to UTF-8 JSON bytes. */
    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    /**
     * Reads a raw page and checks it: a v2 envelope ({@link RawPageEnvelope}) or v1 JSON, a known schema version, an
     * absolute URL, a body.
     *
     * @throws PayloadException with a clear reason otherwise
     */
    public static RawPage readRawPage(byte[] bytes) {
        if (RawPageEnvelope.isEnvelope(bytes)) {
            return RawPageEnvelope.read(bytes);
        }
        JsonNode node = readTree(bytes);
        checkVersion(node, SchemaVersions.RAW_PAGE, "raw page");
        RawPage page = convert(node, RawPage.class);
        Keys.normalizeUrl(page.url());
        if (page.body() == null) {
            throw new PayloadException("invalid-field", "body is missing");
        }
        if (page.fetchedAt() == null) {
            throw new PayloadException("invalid-field", "fetchedAt is missing");
        }
        return page;
    }

    /** Reads an article and checks its schema version. */
    public static Article readArticle(byte[] bytes) {
        JsonNode node = readTree(bytes);
        checkVersion(node, SchemaVersions.ARTICLE, "article");
        return convert(node, Article.class);
    }

    /**
     * What the story step reads of an article: enough to decide its story, without building the rest.
     *
     * @param schemaVersion the article's schema version (checked)
     * @param id            the article id
     * @param text          the clean text
     * @param quality       the quality signals, or null
     * @param storyId       the story already assigned, normally null
     * @param duplicateOf   the original already assigned, normally null
     */
    public record ArticleHead(int schemaVersion, String id, String text, Article.Quality quality, String storyId,
                              String duplicateOf) {
    }

    /**
     * Reads the {@link ArticleHead} of an article's JSON and checks its schema version, as {@link #readArticle} does,
     * skipping the fields the story step does not need (entities, paragraphs) instead of building them.
     */
    public static ArticleHead readArticleHead(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new PayloadException("invalid-json", "empty payload");
        }
        ArticleHead head;
        try {
            head = MAPPER.readValue(bytes, ArticleHead.class);
        } catch (MismatchedInputException e) {
            // not an object, or a field of the wrong type: the full reader says which
            readArticle(bytes);
            throw new PayloadException("invalid-field", firstLine(e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new PayloadException("invalid-json", "invalid JSON: " + firstLine(e.getMessage()), e);
        }
        if (head == null) {
            throw new PayloadException("invalid-json", "payload is not a JSON object");
        }
        if (head.schemaVersion() < 1 || head.schemaVersion() > SchemaVersions.ARTICLE) {
            // the full reader's message (missing, not a number, or newer than known)
            readArticle(bytes);
        }
        return head;
    }

    /**
     * An article's JSON with {@code storyId} and {@code duplicateOf} set: the same bytes as
     * {@code write(readArticle(json).withStory(storyId, duplicateOf))} when the article has neither yet (they are the
     * record's last fields, written only when not null), made by appending them instead of reading and writing the
     * whole article again. Unknown fields of the input are kept.
     *
     * @param json an article's JSON object that has no {@code storyId} or {@code duplicateOf} field
     */
    public static byte[] withStory(byte[] json, String storyId, String duplicateOf) {
        int end = json.length - 1;
        while (end >= 0 && (json[end] == ' ' || json[end] == '\n' || json[end] == '\r' || json[end] == '\t')) {
            end--;
        }
        if (end < 1 || json[end] != '}') {
            throw new IllegalArgumentException("not a JSON object");
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(json.length + 96);
        out.write(json, 0, end);
        boolean empty = true;
        for (int i = end - 1; i >= 0; i--) {
            byte b = json[i];
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                empty = b == '{';
                break;
            }
        }
        try {
            if (storyId != null) {
                if (!empty) {
                    out.write(',');
                }
                out.write("\"storyId\":".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                out.write(MAPPER.writeValueAsBytes(storyId));
                empty = false;
            }
            if (duplicateOf != null) {
                if (!empty) {
                    out.write(',');
                }
                out.write("\"duplicateOf\":".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                out.write(MAPPER.writeValueAsBytes(duplicateOf));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a string", e);
        }
        out.write('}');
        return out.toByteArray();
    }

    /** Parses JSON into a tree. */
    public static JsonNode readTree(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new PayloadException("invalid-json", "empty payload");
        }
        try {
            JsonNode node = MAPPER.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw new PayloadException("invalid-json", "payload is not a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new PayloadException("invalid-json", "invalid JSON: " + firstLine(e.getMessage()), e);
        }
    }

    private static void checkVersion(JsonNode node, int current, String what) {
        JsonNode v = node.get("schemaVersion");
        if (v == null || !v.canConvertToInt()) {
            throw new PayloadException("invalid-field", what + ": schemaVersion is missing or not a number");
        }
        int version = v.asInt();
        if (version < 1 || version > current) {
            throw new PayloadException("unsupported-schema-version",
                    what + ": unsupported schemaVersion " + version + " (this reader knows 1.." + current + ")");
        }
    }

    private static <T> T convert(JsonNode node, Class<T> type) {
        try {
            return MAPPER.treeToValue(node, type);
        } catch (MismatchedInputException e) {
            String field = e.getPath().isEmpty() ? "?" : e.getPath().get(e.getPath().size() - 1).getFieldName();
            throw new PayloadException("invalid-field", "field '" + field + "' has the wrong type: "
                    + firstLine(e.getOriginalMessage()), e);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new PayloadException("invalid-field", firstLine(e.getMessage()), e);
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
