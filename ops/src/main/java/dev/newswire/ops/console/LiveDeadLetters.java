package dev.newswire.ops.console;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newswire.model.Json;
import dev.newswire.model.Topics;
import dev.newswire.ops.watch.RecordView;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** The newest dead letters and the count of every reason seen, for the dead-letter browser. */
final class LiveDeadLetters {

    static final int KEEP = 500;
    private static final long CATCH_UP_MAX = 10_000;

    private final Deque<ObjectNode> newest = new ArrayDeque<>();
    private final Map<String, Long> reasons = new TreeMap<>();
    private long total;

    static TopicTail follow(Map<String, Object> clientProps, LiveDeadLetters into) {
        return new TopicTail(clientProps, Topics.DLQ, "newswire-console-dlq",
                b -> Math.max(b[0], b[1] - CATCH_UP_MAX), into::add);
    }

    void add(ConsumerRecord<byte[], byte[]> r) {
        RecordView v = RecordView.of(r);
        if (v.deadLetter() == null) {
            return;
        }
        ObjectNode o = Json.MAPPER.createObjectNode();
        RecordView.DeadLetter d = v.deadLetter();
        o.put("position", v.position());
        o.put("partition", v.partition());
        o.put("offset", v.offset());
        o.put("timestamp", v.timestamp().toString());
        o.put("reason", d.reason());
        o.put("stage", d.stage());
        o.put("source", d.sourceTopic() + "/" + d.sourcePartition() + "@" + d.sourceOffset());
        o.put("exception", d.exceptionClass());
        String message = d.message();
        o.put("message", message != null && message.length() > 500 ? message.substring(0, 500) + "…" : message);
        o.put("url", v.raw() != null ? v.raw().url() : null);
        o.put("key", v.key());
        o.put("bytes", v.valueBytes());
        synchronized (this) {
            newest.addFirst(o);
            while (newest.size() > KEEP) {
                newest.removeLast();
            }
            reasons.merge(String.valueOf(d.reason()), 1L, Long::sum);
            total++;
        }
    }

    /** The newest dead letters (of {@code reason} when not null), and counts by reason. */
    synchronized ObjectNode list(String reason, int limit) {
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.put("total", total);
        ObjectNode rs = out.putObject("reasons");
        reasons.forEach(rs::put);
        ArrayNode items = out.putArray("items");
        newest.stream().filter(o -> reason == null || reason.isEmpty() || reason.equals(o.path("reason").asText()))
                .limit(limit).forEach(items::add);
        return out;
    }
}
