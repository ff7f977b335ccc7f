package dev.newswire.launcher;

import dev.newswire.model.Article;
import java.io.PrintStream;
import java.util.List;
import java.util.stream.Collectors;

/** Prints an article for a person: title, source, first lines, people, places and organisations. */
public final class ArticlePrinter {

    private static final int WIDTH = 100;
    private final PrintStream out;

    public ArticlePrinter(PrintStream out) {
        this.out = out;
    }

    public synchronized void print(Article a) {
        StringBuilder sb = new StringBuilder();
        sb.append("━━ ").append(a.title() == null || a.title().isBlank() ? "(no title)" : a.title()).append('\n');
        sb.append("   ").append(a.canonicalUrl());
        if (a.language() != null) {
            sb.append(" · ").append(a.language());
        }
        if (a.publishedAt() != null) {
            sb.append(" · published ").append(a.publishedAt());
        }
        if (a.byline() != null) {
            sb.append(" · by ").append(a.byline());
        }
        if (a.quality() != null && !a.quality().isArticle()) {
            sb.append(" · NOT AN ARTICLE (").append(a.quality().pageKind()).append(')');
        }
        sb.append('\n');
        List<String> lines = wrap(a.paragraphs().isEmpty() ? "" : a.paragraphs().get(0), WIDTH - 3);
        for (String l : lines.subList(0, Math.min(3, lines.size()))) {
            sb.append("   ").append(l).append('\n');
        }
        sb.append("   ").append(a.paragraphs().size()).append(" paragraphs, ").append(a.text().length()).append(" characters\n");
        appendEntities(sb, "People", a, "PERSON");
        appendEntities(sb, "Places", a, "LOCATION");
        appendEntities(sb, "Organisations", a, "ORGANIZATION");
        out.print(sb);
        out.println();
        out.flush();
    }

    private static void appendEntities(StringBuilder sb, String label, Article a, String type) {
        String names = a.entities().stream().filter(e -> type.equals(e.type()))
                .map(e -> e.name() + " (" + e.mentionCount() + ")")
                .collect(Collectors.joining(", "));
        if (!names.isEmpty()) {
            List<String> lines = wrap(label + ": " + names, WIDTH - 3);
            for (String l : lines) {
                sb.append("   ").append(l).append('\n');
            }
        }
    }

    private static List<String> wrap(String text, int width) {
        List<String> out = new java.util.ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String w : text.split("\\s+")) {
            if (line.length() > 0 && line.length() + 1 + w.length() > width) {
                out.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(w);
        }
        if (line.length() > 0) {
            out.add(line.toString());
        }
        return out;
    }
}
