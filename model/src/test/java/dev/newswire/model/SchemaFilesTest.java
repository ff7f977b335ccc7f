package dev.newswire.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The published JSON Schema files must describe exactly the fields the records write. */
class SchemaFilesTest {

    private static JsonNode schema(String name) throws IOException {
        try (InputStream in = SchemaFilesTest.class.getResourceAsStream("/schemas/" + name)) {
            assertNotNull(in, name);
            return Json.MAPPER.readTree(in);
        }
    }

    private static Set<String> properties(JsonNode schema) {
        Set<String> out = new TreeSet<>();
        schema.get("properties").fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static Set<String> components(Class<?> record) {
        return Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void rawPageSchemaMatchesRecord() throws IOException {
        JsonNode s = schema("raw-page.v1.schema.json");
        assertEquals(components(RawPage.class), properties(s));
        assertEquals(SchemaVersions.RAW_PAGE, s.at("/properties/schemaVersion/const").asInt());
        s.get("required").forEach(r -> assertTrue(components(RawPage.class).contains(r.asText()), r.asText()));
    }

    @Test
    void articleSchemaMatchesRecords() throws IOException {
        JsonNode s = schema("article.v1.schema.json");
        assertEquals(components(Article.class), properties(s));
        assertEquals(components(Article.Entity.class), properties(s.at("/properties/entities/items")));
        assertEquals(components(Article.Mention.class), properties(s.at("/properties/entities/items/properties/mentions/items")));
        assertEquals(components(Article.Quality.class), properties(s.at("/properties/quality")));
        assertEquals(SchemaVersions.ARTICLE, s.at("/properties/schemaVersion/const").asInt());
    }
}
