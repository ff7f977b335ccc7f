package dev.newswire.extract.step;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.parser.Parser;

/** Reading schema.org JSON-LD: finding the article object and taking strings and people out of it. */
final class JsonLd {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonLd() {
    }

    /**
     * The article object among all JSON-LD blocks ({@code @graph}, {@code mainEntity} and arrays flattened): the
     * first of an article type ({@link Heuristics#ARTICLE_TYPES}), else the first {@code WebPage} with a
     * publication date, else null.
     */
    static JsonNode mainObject(List<String> blocks) {
        return parse(blocks, null);
    }

    /** Like {@link #mainObject}, and adds the lower-case {@code @type} of every object (all blocks) to {@code types}. */
    static JsonNode parse(List<String> blocks, java.util.Set<String> types) {
        JsonNode found = null;
        JsonNode fallback = null;
        for (String block : blocks) {
            JsonNode root;
            try {
                root = JSON.readTree(block.strip());
            } catch (Exception e) {
                continue; // broken JSON-LD is common; other sources still count
            }
            List<JsonNode> objects = new ArrayList<>();
            flatten(root, objects, 0);
            for (JsonNode o : objects) {
                String type = typeOf(o);
                if (types != null) {
                    allTypes(o, types);
                }
                if (found == null && type != null && Heuristics.ARTICLE_TYPES.contains(type)) {
                    found = o;
                    if (types == null) {
                        return found;
                    }
                }
                if (fallback == null && type != null && type.equals("webpage") && o.has("datePublished")) {
                    fallback = o;
                }
            }
        }
        return found != null ? found : fallback;
    }

    private static void allTypes(JsonNode o, java.util.Set<String> types) {
        JsonNode t = o.get("@type");
        if (t == null) {
            return;
        }
        if (t.isArray()) {
            for (JsonNode x : t) {
                types.add(x.asText("").toLowerCase(Locale.ROOT));
            }
        } else {
            types.add(t.asText("").toLowerCase(Locale.ROOT));
        }
    }

    private static void flatten(JsonNode node, List<JsonNode> out, int depth) {
        if (node == null || depth > Heuristics.JSON_LD_MAX_DEPTH) {
            return;
        }
        if (node.isArray()) {
            for (JsonNode n : node) {
                flatten(n, out, depth + 1);
            }
        } else if (node.isObject()) {
            out.add(node);
            if (node.has("@graph")) {
                flatten(node.get("@graph"), out, depth + 1);
            }
            if (node.has("mainEntity")) {
                flatten(node.get("mainEntity"), out, depth + 1);
            }
        }
    }

    /** The object's {@code @type}, lower-case; of several, an article type if there is one, else the first. */
    static String typeOf(JsonNode o) {
        JsonNode t = o.get("@type");
        if (t == null) {
            return null;
        }
        if (t.isArray()) {
            for (JsonNode x : t) {
                String s = x.asText("").toLowerCase(Locale.ROOT);
                if (Heuristics.ARTICLE_TYPES.contains(s)) {
                    return s;
                }
            }
            return t.size() > 0 ? t.get(0).asText("").toLowerCase(Locale.ROOT) : null;
        }
        return t.asText("").toLowerCase(Locale.ROOT);
    }

    /** The names of the people in an {@code author} value (a string, a person, or an array); organisations left out. */
    static List<String> authors(JsonNode author) {
        List<String> out = new ArrayList<>();
        if (author == null || author.isMissingNode() || author.isNull()) {
            return out;
        }
        if (author.isArray()) {
            for (JsonNode a : author) {
                out.addAll(authors(a));
            }
        } else if (author.isObject()) {
            String type = typeOf(author);
            if (type != null && type.equals("organization")) {
                return out;
            }
            String name = text(author.path("name"));
            if (name != null) {
                out.add(name);
            }
        } else if (author.isTextual()) {
            out.add(author.asText());
        }
        return out;
    }

    /**
     * A value as clean text: the first of an array, the {@code name} or {@code @value} of an object; entities
     * decoded; null when absent or blank.
     */
    static String text(JsonNode n) {
        if (n == null || n.isMissingNode() || n.isNull()) {
            return null;
        }
        if (n.isArray()) {
            return n.size() == 0 ? null : text(n.get(0));
        }
        if (n.isObject()) {
            return n.has("name") ? text(n.get("name")) : n.has("@value") ? text(n.get("@value")) : null;
        }
        String s = n.asText();
        return s.isBlank() ? null : TextUtil.clean(Parser.unescapeEntities(s, false));
    }

    /** {@code text(object.path(field))}, or null when there is no object. */
    static String field(JsonNode object, String field) {
        return object == null ? null : text(object.path(field));
    }
}
