package dev.newswire.launcher.extract;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newswire.extract.ExtractionResult;
import dev.newswire.extract.Extractor;
import dev.newswire.extract.PageFiles;
import dev.newswire.extract.UndecodableContentException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code extract --input DIR --output FILE.json}: runs the extractor on every {@code *.html} and
 * {@code *.html.gz} in a directory and writes one JSON object mapping each file's name (without the extension)
 * to {@code {"articleBody", "title", "authors", "datePublished", "language", "pageKind"}}. The first five are the
 * format the extraction benchmark scores; {@code pageKind} is the extractor's verdict ("article", "forum",
 * "listing", "product", "service", "documentation", "index", "paywall", "error", "empty"; "undecodable" for a
 * body that is not HTML text).
 */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = "Extract the main content of every *.html / *.html.gz page in a directory into one JSON file.")
public final class ExtractCommand implements Callable<Integer> {

    @Option(names = "--input", required = true, description = "Directory of *.html and *.html.gz pages.")
    Path input;

    @Option(names = "--output", required = true, description = "JSON file to write.")
    Path output;

    @Option(names = "--quiet", description = "No progress on stderr.")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        List<Path> files = PageFiles.list(input);
        if (files.isEmpty()) {
            System.err.println("no *.html or *.html.gz files in " + input);
            return 2;
        }
        Extractor extractor = Extractor.create();
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        long start = System.nanoTime();
        int done = 0;
        int failed = 0;
        for (Path f : files) {
            ObjectNode entry = root.putObject(PageFiles.id(f));
            try {
                ExtractionResult r = extractor.extract(PageFiles.read(f), null, null);
                entry.put("articleBody", r.text());
                entry.put("title", r.title());
                ArrayNode authors = entry.putArray("authors");
                r.authors().forEach(authors::add);
                entry.put("datePublished", r.publishedDate());
                entry.put("language", r.language());
                entry.put("pageKind", r.pageKind());
            } catch (UndecodableContentException e) {
                failed++;
                entry.put("articleBody", "");
                entry.putNull("title");
                entry.putArray("authors");
                entry.putNull("datePublished");
                entry.putNull("language");
                entry.put("pageKind", "undecodable");
            }
            done++;
            if (!quiet && (done % 100 == 0 || done == files.size())) {
                double secs = (System.nanoTime() - start) / 1e9;
                System.err.printf("extract: %d/%d pages, %.1f s, %.0f pages/s%n", done, files.size(), secs, done / secs);
            }
        }
        if (output.toAbsolutePath().getParent() != null) {
            Files.createDirectories(output.toAbsolutePath().getParent());
        }
        json.writeValue(output.toFile(), root);
        if (failed > 0) {
            System.err.println("extract: " + failed + " pages were not HTML text (written with an empty body)");
        }
        return 0;
    }

    /** Runs the command alone (the launcher registers it as a subcommand of {@code newswire}). */
    public static void main(String[] args) {
        System.exit(new CommandLine(new ExtractCommand()).execute(args));
    }
}
