package dev.newswire.launcher.tagger;

import dev.newswire.tagger.Tagger;
import dev.newswire.tagger.eval.ConllFormat;
import dev.newswire.tagger.ner.Label;
import dev.newswire.tagger.ner.NerDocument;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code tag --conll IN --output OUT}: labels CoNLL-style column text. Every line is written back as it was
 * with the predicted IOB2 tag appended as the last column (-DOCSTART- lines get "O", as conlleval expects);
 * blank lines stay blank. Each document (text between -DOCSTART- lines) is tagged as a whole.
 */
@Command(name = "tag", mixinStandardHelpOptions = true,
        description = "Tag CoNLL-2003-style column text: append the predicted IOB2 tag to every token line.")
public final class TagCommand implements Callable<Integer> {

    @Option(names = "--conll", required = true, description = "input: token in the first column, blank line between sentences")
    Path input;

    @Option(names = "--output", required = true, description = "output file")
    Path output;

    @Override
    public Integer call() throws IOException {
        List<String> lines = ConllFormat.readLines(input); // before the models load: a bad input fails at once
        Tagger tagger = Tagger.load();
        try (BufferedWriter out = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            int docStart = 0;
            for (int i = 0; i <= lines.size(); i++) {
                if (i == lines.size() || ConllFormat.isDocStart(lines.get(i))) {
                    writeDocument(tagger, lines.subList(docStart, i), out);
                    if (i < lines.size()) {
                        String line = lines.get(i);
                        out.write(line + separator(line) + "O");
                        out.newLine();
                    }
                    docStart = i + 1;
                }
            }
        }
        return 0;
    }

    /** Tags one document's lines and writes them. */
    static void writeDocument(Tagger tagger, List<String> lines, BufferedWriter out) throws IOException {
        List<List<String>> sentences = new ArrayList<>();
        List<String> sentence = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank()) {
                if (!sentence.isEmpty()) {
                    sentences.add(sentence);
                    sentence = new ArrayList<>();
                }
            } else {
                sentence.add(ConllFormat.token(line.strip()));
            }
        }
        if (!sentence.isEmpty()) {
            sentences.add(sentence);
        }
        int[] labels = sentences.isEmpty() ? new int[0] : tagger.labelTokens(NerDocument.of(sentences));
        int k = 0;
        for (String line : lines) {
            if (line.isBlank()) {
                out.write(line);
            } else {
                out.write(line + separator(line) + Label.name(labels[k++]));
            }
            out.newLine();
        }
    }

    private static String separator(String line) {
        return line.indexOf('\t') >= 0 ? "\t" : " ";
    }
}
