package dev.newswire.ops.watch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newswire.model.Article;
import dev.newswire.model.Json;
import dev.newswire.ops.cli.Terminal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Prints records for people (a few lines per record, per payload kind) or for pipes (one JSON object per line).
 * Text for people goes through {@link Terminal#safe(String)}: crawled content is untrusted.
 */
public final class RecordFormatter {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final int MAX_NAMES = 6;

    private RecordFormatter() {
    }

    /** A few lines describing {@code r}, ending with a newline. */
    public static String text(RecordView r) {
        StringBuilder sb = new StringBuilder();
        String head = time(r.timestamp()) + "  " + r.position();
        switch (r.kind()) {
            case ARTICLE -> {
                Article a = r.article();
                sb.append(head).append("  ").append(Terminal.safe(r.host()))
                        .append("  [").append(a.language() == null ? "?" : Terminal.safe(a.language())).append("]\n");
                sb.append("  ").append(Terminal.safe(a.title() == null ? "(no title)" : a.title(), 160)).append('\n');
                String people = names(a, "PERSON");
                String places = names(a, "LOCATION");
                if (!people.isEmpty()) {
                    sb.append("  People: ").append(people).append('\n');
                }
                if (!places.isEmpty()) {
                    sb.append("  Places: ").append(places).append('\n');
                }
                if (a.quality() != null && !a.quality().isArticle()) {
                    sb.append("  (flagged: ").append(Terminal.safe(a.quality().pageKind())).append(" page)\n");
                }
            }
            case RAW_PAGE -> {
                RecordView.RawSummary p = r.raw();
                sb.append(head).append("  raw page  ").append(p.httpStatus()).append("  ")
                        .append(size(p.bodyBytes())).append("  crawler ").append(Terminal.safe(p.crawler() == null ? "?" : p.crawler()))
                        .append('\n');
                sb.append("  ").append(Terminal.safe(p.url(), 200)).append('\n');
            }
            case DEAD_LETTER -> {
                RecordView.DeadLetter d = r.deadLetter();
                sb.append(head).append("  DEAD LETTER  ").append(Terminal.safe(d.reason()))
                        .append("  stage ").append(Terminal.safe(d.stage() == null ? "?" : d.stage()))
                        .append("  from ").append(Terminal.safe(d.sourceTopic())).append('/').append(d.sourcePartition())
                        .append('@').append(d.sourceOffset()).append('\n');
                if (r.raw() != null) {
                    sb.append("  ").append(Terminal.safe(r.raw().url(), 200)).append('\n');
                } else if (r.key() != null) {
                    sb.append("  key ").append(Terminal.safe(r.key(), 200)).append('\n');
                }
                sb.append("  ").append(Terminal.safe(d.exceptionClass() == null ? "" : simpleName(d.exceptionClass()) + ": "))
                        .append(Terminal.safe(d.message(), 300)).append('\n');
            }
            default -> {
                sb.append(head).append("  ").append(r.valueBytes()).append(" bytes")
                        .append(r.key() == null ? "" : "  key " + Terminal.safe(r.key(), 120)).append('\n');
                String body = r.value() != null ? r.value().toString() : r.valueText();
                sb.append("  ").append(Terminal.safe(body, 300)).append('\n');
            }
        }
        return sb.toString();
    }

    /**
     * One JSON object (no newline): position, timestamp, key, kind, headers and the value (parsed JSON, or text), plus
     * the decoded dead-letter provenance.
     */
    public static String json(RecordView r) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("topic", r.topic());
        o.put("partition", r.partition());
        o.put("offset", r.offset());
        o.put("timestamp", r.timestamp().toString());
        o.put("kind", r.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        o.put("key", r.key());
        ObjectNode headers = o.putObject("headers");
        r.headers().forEach(headers::put);
        if (r.deadLetter() != null) {
            o.set("deadLetter", Json.MAPPER.valueToTree(r.deadLetter()));
        }
        if (r.value() != null) {
            o.set("value", r.value());
        } else {
            o.put("value", r.valueText());
        }
        return o.toString();
    }

    static String names(Article a, String type) {
        List<Article.Entity> of = a.entities().stream().filter(e -> type.equals(e.type())).toList();
        String shown = of.stream().limit(MAX_NAMES)
                .map(e -> Terminal.safe(e.name(), 60) + " (" + e.mentionCount() + ")")
                .collect(Collectors.joining(", "));
        return of.size() > MAX_NAMES ? shown + ", … " + (of.size() - MAX_NAMES) + " more" : shown;
    }

    static String time(Instant t) {
        return TIME.format(t);
    }

    static String size(long bytes) {
        if (bytes < 10_000) {
            return bytes + " B";
        }
        if (bytes < 10_000_000) {
            return (bytes / 1024) + " KB";
        }
        return (bytes / (1024 * 1024)) + " MB";
    }

    private static String simpleName(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? className : className.substring(dot + 1);
    }
}
