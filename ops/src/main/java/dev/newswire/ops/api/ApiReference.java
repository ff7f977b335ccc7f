package dev.newswire.ops.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newswire.model.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The API reference of the top-level README, generated from {@code openapi.json}: one section per endpoint with its
 * parameters and answers, the schemas of the answers after them. {@code ApiReferenceTest} holds the README to it.
 */
public final class ApiReference {

    private ApiReference() {
    }

    /** The reference as Markdown. */
    public static String markdown() {
        JsonNode api;
        try (InputStream in = ApiReference.class.getResourceAsStream("/dev/newswire/ops/api/openapi.json")) {
            api = Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringBuilder sb = new StringBuilder();
        for (Iterator<String> it = api.get("paths").fieldNames(); it.hasNext(); ) {
            String path = it.next();
            JsonNode get = api.get("paths").get(path).get("get");
            sb.append("#### `GET ").append(path).append("`: ").append(get.get("summary").asText()).append("\n\n");
            if (get.has("description")) {
                sb.append(get.get("description").asText()).append("\n\n");
            }
            if (get.has("parameters") && get.get("parameters").size() > 0) {
                sb.append("| parameter | in | meaning |\n|---|---|---|\n");
                for (JsonNode p : get.get("parameters")) {
                    JsonNode param = p.has("$ref") ? resolve(api, p.get("$ref").asText()) : p;
                    sb.append("| `").append(param.get("name").asText()).append("`").append(param.path("required").asBoolean() ? " (required)" : "")
                            .append(" | ").append(param.get("in").asText()).append(" | ")
                            .append(param.path("description").asText("").replace("|", "\\|")).append(" |\n");
                }
                sb.append('\n');
            }
            List<String> answers = new ArrayList<>();
            for (Iterator<String> codes = get.get("responses").fieldNames(); codes.hasNext(); ) {
                String code = codes.next();
                JsonNode r = get.get("responses").get(code);
                String schema = r.has("$ref") ? "" : r.path("content").path("application/json").path("schema").path("$ref").asText("");
                answers.add(code + (schema.isEmpty() ? "" : " `" + schema.substring(schema.lastIndexOf('/') + 1) + "`"));
            }
            sb.append("Answers: ").append(String.join(", ", answers)).append(".\n\n");
        }
        sb.append("#### Answer schemas\n\n| schema | fields |\n|---|---|\n");
        JsonNode schemas = api.get("components").get("schemas");
        for (Iterator<String> it = schemas.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            JsonNode s = schemas.get(name);
            if (!s.has("properties")) {
                continue;
            }
            List<String> fields = new ArrayList<>();
            for (Iterator<String> f = s.get("properties").fieldNames(); f.hasNext(); ) {
                String field = f.next();
                fields.add("`" + field + "` " + type(s.get("properties").get(field)));
            }
            sb.append("| `").append(name).append("` | ").append(String.join(", ", fields)).append(" |\n");
        }
        return sb.toString();
    }

    private static String type(JsonNode p) {
        if (p.has("$ref")) {
            return p.get("$ref").asText().substring(p.get("$ref").asText().lastIndexOf('/') + 1);
        }
        JsonNode t = p.get("type");
        String type = t == null ? "object" : t.asText();
        if (t != null && t.isArray()) {
            List<String> parts = new ArrayList<>();
            t.forEach(x -> parts.add(x.asText()));
            type = String.join(" or ", parts);
        }
        if ("array".equals(type) && p.has("items")) {
            return type(p.get("items")) + "[]";
        }
        return type;
    }

    private static JsonNode resolve(JsonNode api, String ref) {
        return api.at(ref.substring(1));
    }
}
