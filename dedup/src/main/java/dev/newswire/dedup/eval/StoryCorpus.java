package dev.newswire.dedup.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Stories of the extraction dev set ({@code ground-truth.json}): id, title and expected main text. */
public final class StoryCorpus {

    /**
     * One story.
     *
     * @param id    page id in the dev set
     * @param title its headline
     * @param text  its main text, paragraphs separated by blank lines
     */
    public record Story(String id, String title, String text) {
    }

    private StoryCorpus() {
    }

    /** Reads every story with a non-empty text, in id order. */
    public static List<Story> load(Path groundTruthJson) throws IOException {
        JsonNode root = new ObjectMapper().readTree(groundTruthJson.toFile());
        List<Story> out = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = root.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String text = e.getValue().path("articleBody").asText("");
            if (!text.isBlank()) {
                out.add(new Story(e.getKey(), e.getValue().path("title").asText(""), text));
            }
        }
        out.sort((a, b) -> a.id().compareTo(b.id()));
        return out;
    }
}
