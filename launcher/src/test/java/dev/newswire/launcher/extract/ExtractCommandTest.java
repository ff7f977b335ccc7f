package dev.newswire.launcher.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newswire.extract.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ExtractCommandTest {

    @TempDir
    Path dir;

    @Test
    void writesOneJsonObjectKeyedByPageIdForHtmlAndGzippedHtml() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.write(in.resolve("0001.html"), Fixtures.bytes("news-article.html"));
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(in.resolve("0002.html.gz")))) {
            out.write(Fixtures.bytes("blog-repost.html"));
        }
        Files.writeString(in.resolve("notes.txt"), "not a page");
        Path out = dir.resolve("out/pred.json");
        int code = new CommandLine(new ExtractCommand()).execute("--input", in.toString(), "--output", out.toString(),
                "--quiet");
        assertEquals(0, code);
        JsonNode json = new ObjectMapper().readTree(out.toFile());
        assertEquals(2, json.size());
        JsonNode a = json.get("0001");
        assertEquals("City council approves new tram line", a.get("title").asText());
        assertTrue(a.get("articleBody").asText().startsWith("The city council voted 9 to 2"));
        assertEquals("Maria Lopez", a.get("authors").get(0).asText());
        assertEquals("2025-03-04", a.get("datePublished").asText());
        assertEquals("en", a.get("language").asText());
        assertEquals("article", a.get("pageKind").asText());
        List<String> fields = new ArrayList<>();
        a.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("articleBody", "title", "authors", "datePublished", "language", "pageKind"), fields,
                "the five benchmark fields keep their place; pageKind comes last");
        assertTrue(json.get("0002").get("articleBody").asText().contains("SEOUL, South Korea (AP)"));
    }

    @Test
    void evalScoresPredictionsAgainstTruth() throws Exception {
        Path pred = dir.resolve("pred.json");
        Path truth = dir.resolve("truth.json");
        Files.writeString(pred, "{\"a\":{\"articleBody\":\"one two three four five\"},\"b\":{\"articleBody\":\"\"}}");
        Files.writeString(truth, "{\"a\":{\"articleBody\":\"one two three four five six\"},"
                + "\"b\":{\"articleBody\":\"seven eight nine ten\"}}");
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream old = System.out;
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = new CommandLine(new ExtractEvalCommand()).execute("--predictions", pred.toString(), "--truth",
                    truth.toString(), "--worst", "1");
        } finally {
            System.setOut(old);
        }
        assertEquals(0, code);
        String report = buf.toString(StandardCharsets.UTF_8);
        assertTrue(report.contains("precision: 1.0000"), report);
        assertTrue(report.contains("recall:    0.3333"), report);
        assertTrue(report.contains("F1:        0.5000"), report);
        assertTrue(report.contains("with output: 1"), report);
    }

    @Test
    void evalScoresTextOnArticlesAndCountsPageKindsPerPageType() throws Exception {
        Path pred = dir.resolve("pred.json");
        Path truth = dir.resolve("truth.json");
        Files.writeString(pred, "{\"a\":{\"articleBody\":\"one two three four five six\",\"pageKind\":\"article\"},"
                + "\"f\":{\"articleBody\":\"a post\",\"pageKind\":\"forum\"},"
                + "\"g\":{\"articleBody\":\"another post\",\"pageKind\":\"article\"}}");
        Files.writeString(truth, "{\"a\":{\"articleBody\":\"one two three four five six\",\"pageType\":\"article\"},"
                + "\"f\":{\"articleBody\":\"other words entirely here\",\"pageType\":\"forum\"},"
                + "\"g\":{\"articleBody\":\"more other words here\",\"pageType\":\"forum\"}}");
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream old = System.out;
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            new CommandLine(new ExtractEvalCommand()).execute("--predictions", pred.toString(), "--truth", truth.toString());
        } finally {
            System.setOut(old);
        }
        String report = buf.toString(StandardCharsets.UTF_8);
        assertTrue(report.contains("pages: 1 "), "only the article page is scored as text: " + report);
        assertTrue(report.contains("F1:        1.0000"), report);
        assertTrue(report.contains("forum: 1/2 flagged as not an article"), report);
        assertTrue(report.contains("article: 0/1 flagged"), report);
    }
}
