package dev.newswire.ops.console;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newswire.model.Article;
import dev.newswire.model.Json;
import dev.newswire.model.Topics;
import dev.newswire.ops.watch.RecordView;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The newest articles for the live feed, and entity counts over the last hour (by record time).
 * Articles are kept as sent to the browser: text cut to {@link #MAX_TEXT} characters, mentions inside that text.
 */
final class LiveArticles {

    static final int KEEP = 200;
    static final int MAX_TEXT = 1_500;
    private static final long HOUR_MS = 3_600_000L;
    /** Most records read per partition when catching up on the last hour at start-up. */
    private static final long CATCH_UP_MAX = 5_000;

    private final Deque<ObjectNode> newest = new ArrayDeque<>();
    private final Deque<Seen> lastHour = new ArrayDeque<>();
    private long sequence;

    /** Entities of one article, kept for the hour window. */
    private record Seen(long timestamp, List<String[]> entities) {
    }

    static TopicTail follow(Map<String, Object> clientProps, LiveArticles into) {
        return new TopicTail(clientProps, Topics.ARTICLES, "newswire-console-articles",
                // [beginning, end, an hour ago or -1]: the last hour, at most CATCH_UP_MAX records
                b -> Math.max(b[1] - CATCH_UP_MAX, b[2] < 0 ? b[1] : b[2]),
                into::add);
    }

    void add(ConsumerRecord<byte[], byte[]> r) {
        RecordView v = RecordView.of(r);
        if (v.article() == null) {
            return;
        }
        Article a = v.article();
        List<String[]> entities = new ArrayList<>();
        a.entities().forEach(e -> entities.add(new String[]{e.type(), e.name()}));
        ObjectNode json = summary(a, v);
        synchronized (this) {
            json.put("seq", ++sequence);
            newest.addFirst(json);
            while (newest.size() > KEEP) {
                newest.removeLast();
            }
            lastHour.addLast(new Seen(r.timestamp(), entities));
            evict();
        }
    }

    /** The newest articles, newest first. */
    synchronized ObjectNode articles(int limit) {
        ObjectNode out = Json.MAPPER.createObjectNode();
        ArrayNode list = out.putArray("articles");
        newest.stream().limit(limit).forEach(list::add);
        out.put("latestSeq", sequence);
        return out;
    }

    /** The most mentioned people, places and organisations of the last hour (counted once per article). */
    synchronized ObjectNode topEntities(int limit) {
        evict();
        Map<String, Map<String, Integer>> byType = new HashMap<>();
        for (Seen s : lastHour) {
            for (String[] e : s.entities()) {
                byType.computeIfAbsent(e[0], k -> new HashMap<>()).merge(e[1], 1, Integer::sum);
            }
        }
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.put("articles", lastHour.size());
        for (String[] t : new String[][]{{"PERSON", "people"}, {"LOCATION", "places"}, {"ORGANIZATION", "organizations"}}) {
            ArrayNode arr = out.putArray(t[1]);
            byType.getOrDefault(t[0], Map.of()).entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                            .thenComparing(Map.Entry.comparingByKey()))
                    .limit(limit)
                    .forEach(e -> arr.addObject().put("name", e.getKey()).put("articles", e.getValue()));
        }
        return out;
    }

    private void evict() {
        long cutoff = System.currentTimeMillis() - HOUR_MS;
        for (Iterator<Seen> it = lastHour.iterator(); it.hasNext(); ) {
            if (it.next().timestamp() < cutoff) {
                it.remove();
            } else {
                break; // records arrive roughly in time order
            }
        }
    }

    private static ObjectNode summary(Article a, RecordView v) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("id", a.id());
        o.put("title", a.title());
        o.put("url", a.canonicalUrl() != null ? a.canonicalUrl() : a.url());
        o.put("host", v.host());
        o.put("language", a.language());
        o.put("publishedAt", a.publishedAt() == null ? null : a.publishedAt().toString());
        o.put("fetchedAt", a.fetchedAt() == null ? null : a.fetchedAt().toString());
        o.put("timestamp", v.timestamp().toString());
        o.put("position", v.position());
        o.put("pageKind", a.quality() == null ? null : a.quality().pageKind());
        String text = a.text() == null ? "" : a.text();
        boolean cut = text.length() > MAX_TEXT;
        String shown = cut ? text.substring(0, MAX_TEXT) : text;
        o.put("text", shown);
        o.put("textCut", cut);
        ArrayNode entities = o.putArray("entities");
        for (Article.Entity e : a.entities()) {
            ObjectNode en = entities.addObject();
            en.put("type", e.type());
            en.put("name", e.name());
            en.put("id", e.id());
            en.put("mentionCount", e.mentionCount());
            Map<String, Object> at = e.attributes() == null ? Map.of() : e.attributes();
            if (at.get("lat") instanceof Number lat && at.get("lon") instanceof Number lon) { // for the places map
                en.put("lat", lat.doubleValue());
                en.put("lon", lon.doubleValue());
                if (at.get("featureType") != null) {
                    en.put("featureType", String.valueOf(at.get("featureType")));
                }
                if (Boolean.TRUE.equals(at.get("approximate"))) { // a place the tables do not know, put at a nearby town
                    en.put("approximate", true);
                }
            }
            ArrayNode ms = en.putArray("mentions");
            for (Article.Mention m : e.mentions()) {
                // only offsets that really point into the text shown: the browser trusts them for slicing
                if (m.start() >= 0 && m.end() <= shown.length() && m.start() < m.end()) {
                    ms.addArray().add(m.start()).add(m.end());
                }
            }
        }
        return o;
    }
}
