package dev.newswire.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The compatibility promise of {@code news.articles} (README, "Compatibility promise"): within a schema version,
 * articles written today must be read by a consumer built against the schema file it was given when that version
 * was published. {@code src/test/resources/compat/article.v1.schema.json} is that file, frozen: it changes only
 * with a new schemaVersion, never to make this test pass.
 *
 * <p>Fails when a change to the {@link Article} record removes or renames a field, changes its type or format, adds an
 * enum value, makes an always-present field absent, or when the current schema file stops describing what the frozen
 * one promised.
 */
class ArticleCompatibilityTest {

    private static JsonNode resource(String path) throws IOException {
        try (InputStream in = ArticleCompatibilityTest.class.getResourceAsStream(path)) {
            assertNotNull(in, path);
            return Json.MAPPER.readTree(in);
        }
    }

    private static JsonSchema validator(JsonNode schema) {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema, config);
    }

    private static Set<ValidationMessage> validate(String frozenSchema, JsonNode article) throws IOException {
        return validator(resource(frozenSchema)).validate(article);
    }

    /** An article with every field set, as the producer writes it today: read from JSON by today's reader, written by today's writer. */
    private static JsonNode writtenToday(JsonNode published) throws IOException {
        Article a = Json.readArticle(Json.MAPPER.writeValueAsBytes(published));
        return Json.MAPPER.readTree(Json.write(a));
    }

    @Test
    void articlesWrittenTodayAreValidForAConsumerOfThePublishedSchema() throws IOException {
        JsonNode maximal = resource("/compat/article.v1.maximal.json");
        assertEquals(Set.of(), validate("/compat/article.v1.schema.json", maximal), "the fixture itself");
        JsonNode today = writtenToday(maximal);
        assertEquals(Set.of(), validate("/compat/article.v1.schema.json", today));

        // the smallest article the record writes: required fields only
        ObjectNode minimal = Json.MAPPER.createObjectNode();
        for (JsonNode r : resource("/compat/article.v1.schema.json").get("required")) {
            minimal.set(r.asText(), maximal.get(r.asText()));
        }
        assertEquals(Set.of(), validate("/compat/article.v1.schema.json", writtenToday(minimal)));
    }

    @Test
    void everyFieldThePublishedSchemaDefinesIsStillWrittenWithItsValue() throws IOException {
        JsonNode maximal = resource("/compat/article.v1.maximal.json");
        JsonNode today = writtenToday(maximal);
        List<String> lost = new ArrayList<>();
        missing("", maximal, today, lost);
        assertEquals(List.of(), lost, "fields a consumer of the published schema reads, no longer written as they were");
        // and the fixture sets every property of the published schema, at every level
        List<String> unset = new ArrayList<>();
        unsetProperties("", resource("/compat/article.v1.schema.json"), maximal, unset);
        assertEquals(List.of(), unset, "the fixture must exercise every published property");
    }

    @Test
    void theCurrentSchemaFileKeepsEveryPromiseOfThePublishedOne() throws IOException {
        JsonNode frozen = resource("/compat/article.v1.schema.json");
        JsonNode current = resource("/schemas/article.v1.schema.json");
        assertEquals(frozen.at("/properties/schemaVersion/const"), current.at("/properties/schemaVersion/const"),
                "a new schemaVersion gets a new schema file (article.v2.schema.json); v1's stays published");
        List<String> broken = new ArrayList<>();
        compare("", frozen, current, broken);
        assertEquals(List.of(), broken);
    }

    /** The published schema would refuse what a breaking change writes: this test fails for such changes. */
    @Test
    void breakingChangesAreCaught() throws IOException {
        JsonNode maximal = resource("/compat/article.v1.maximal.json");
        Map<String, java.util.function.Consumer<ObjectNode>> changes = Map.of(
                "a required field removed", a -> a.remove("canonicalUrl"),
                "a field's type changed", a -> a.put("publishedAt", 1718691164000L),
                "a new entity type", a -> ((ObjectNode) a.get("entities").get(0)).put("type", "EVENT"),
                "a nested type changed", a -> ((ObjectNode) a.get("entities").get(0).get("mentions").get(0)).put("start", "0"),
                "a language code that is not ISO 639-1", a -> a.put("language", "eng"));
        for (var change : changes.entrySet()) {
            ObjectNode changed = maximal.deepCopy();
            change.getValue().accept(changed);
            assertFalse(validate("/compat/article.v1.schema.json", changed).isEmpty(), change.getKey());
        }
        // and a field removed from what is written is noticed even where the schema does not require it
        ObjectNode withoutByline = maximal.deepCopy();
        withoutByline.remove("byline");
        List<String> lost = new ArrayList<>();
        missing("", maximal, withoutByline, lost);
        assertEquals(List.of("/byline"), lost);
        // an added optional field is not a break
        ObjectNode added = maximal.deepCopy();
        added.put("summary", "A new optional field");
        assertEquals(Set.of(), validate("/compat/article.v1.schema.json", added));
    }

    // Paths of `expected` (objects followed, arrays by index) whose value is absent or different in `actual`.
    private static void missing(String path, JsonNode expected, JsonNode actual, List<String> out) {
        if (expected.isObject()) {
            for (Iterator<String> it = expected.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                JsonNode a = actual == null ? null : actual.get(f);
                if (a == null || a.isNull()) {
                    out.add(path + "/" + f);
                } else {
                    missing(path + "/" + f, expected.get(f), a, out);
                }
            }
        } else if (expected.isArray()) {
            for (int i = 0; i < expected.size(); i++) {
                JsonNode a = actual.get(i);
                if (a == null) {
                    out.add(path + "/" + i);
                } else {
                    missing(path + "/" + i, expected.get(i), a, out);
                }
            }
        } else if (!(expected.isNumber() && actual.isNumber() && expected.asDouble() == actual.asDouble()) && !expected.equals(actual)) {
            out.add(path + " (" + expected + " became " + actual + ")");
        }
    }

    private static void unsetProperties(String path, JsonNode schema, JsonNode value, List<String> out) {
        JsonNode props = schema.get("properties");
        if (props == null || value == null) {
            return;
        }
        for (Iterator<String> it = props.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            JsonNode v = value.get(f);
            if (v == null) {
                out.add(path + "/" + f);
                continue;
            }
            JsonNode p = props.get(f);
            if ("object".equals(p.path("type").asText())) {
                unsetProperties(path + "/" + f, p, v, out);
            } else if ("array".equals(p.path("type").asText()) && p.has("items") && v.size() > 0) {
                unsetProperties(path + "/" + f + "/0", p.get("items"), v.get(0), out);
            }
        }
    }

    // What the frozen schema promised a consumer, checked in the current one, recursively.
    private static void compare(String path, JsonNode frozen, JsonNode current, List<String> out) {
        for (String keyword : List.of("type", "const", "pattern", "format", "minimum", "maximum")) {
            if (frozen.has(keyword) && !frozen.get(keyword).equals(current.get(keyword))) {
                out.add(path + ": " + keyword + " " + frozen.get(keyword) + " became " + current.get(keyword));
            }
        }
        if (frozen.has("enum")) {
            Set<JsonNode> allowed = new java.util.HashSet<>();
            frozen.get("enum").forEach(allowed::add);
            JsonNode now = current.get("enum");
            if (now == null) {
                out.add(path + ": enum removed (any value may now appear)");
            } else {
                now.forEach(v -> {
                    if (!allowed.contains(v)) {
                        out.add(path + ": new enum value " + v);
                    }
                });
            }
        }
        if (frozen.has("required")) {
            Set<String> required = new java.util.HashSet<>();
            if (current.has("required")) {
                current.get("required").forEach(r -> required.add(r.asText()));
            }
            frozen.get("required").forEach(r -> {
                if (!required.contains(r.asText())) {
                    out.add(path + ": " + r.asText() + " no longer required");
                }
            });
        }
        if (current.path("additionalProperties").isBoolean() && !current.get("additionalProperties").asBoolean()
                && frozen.has("properties")) {
            out.add(path + ": additionalProperties false (new optional fields could no longer be added)");
        }
        JsonNode props = frozen.get("properties");
        if (props != null) {
            for (Iterator<String> it = props.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                JsonNode now = current.path("properties").get(f);
                if (now == null) {
                    out.add(path + "/" + f + ": removed");
                } else {
                    compare(path + "/" + f, props.get(f), now, out);
                }
            }
        }
        if (frozen.has("items")) {
            compare(path + "/items", frozen.get("items"), current.path("items"), out);
        }
    }
}
