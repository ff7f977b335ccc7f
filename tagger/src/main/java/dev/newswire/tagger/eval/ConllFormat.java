package dev.newswire.tagger.eval;

import dev.newswire.tagger.ner.Label;
import dev.newswire.tagger.ner.NerDocument;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the column formats of the NER datasets into documents.
 * <ul>
 *   <li>{@code conll}: CoNLL-2003 and WikiGold: token first, tag last, space separated, {@code -DOCSTART-}
 *       lines between documents, blank lines between sentences, tags IOB1 or IOB2;</li>
 *   <li>{@code iob2}: Universal NER: tab separated {@code ID TOKEN TAG ...}, {@code # newdoc} comment lines
 *       open documents, other {@code #} lines are skipped.</li>
 *   <li>{@code tokens}: Broad Twitter Corpus and WNUT-17: {@code TOKEN TAG} (tab or space), a blank line ends a
 *       post, and each post is a document of one sentence. WNUT-17's types are mapped as its README suggests:
 *       person → PER, location → LOC, corporation and group → ORG, creative-work and product → MISC.</li>
 * </ul>
 * Tags are normalised to IOB2: an I- tag that does not continue an entity of its type begins one, which is
 * exactly the IOB1 reading and leaves IOB2 input unchanged.
 */
public final class ConllFormat {

    /** Column layouts understood by the readers. */
    public enum Format { CONLL, IOB2, TOKENS, CROSSNER }

    /** Marker line between CoNLL documents. */
    public static final String DOCSTART = "-DOCSTART-";

    private ConllFormat() {
    }

    /** Reads a labelled file. */
    public static List<LabeledDocument> read(Path file, Format format) throws IOException {
        List<String> lines = readLines(file);
        return switch (format) {
            case IOB2 -> readIob2(lines);
            case TOKENS -> readTokens(lines);
            case CONLL -> readConll(lines);
            case CROSSNER -> readCrossNer(lines);
        };
    }

    /**
     * The lines of a column file, with errors a person can act on: a missing file or one that is not UTF-8
     * text (a binary or another encoding) is named as such rather than as a decoder's exception.
     */
    public static List<String> readLines(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("no such file: " + file);
        }
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new IOException(file + " is not UTF-8 text: column files must be UTF-8 (token first, tag last)", e);
        }
    }

    /** Token of a CoNLL line: its first column. */
    public static String token(String line) {
        int cut = firstSeparator(line);
        return cut < 0 ? line : line.substring(0, cut);
    }

    /** True for a {@code -DOCSTART-} line. */
    public static boolean isDocStart(String line) {
        return line.startsWith(DOCSTART);
    }

    private static int firstSeparator(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == ' ' || c == '\t') {
                return i;
            }
        }
        return -1;
    }

    private static String lastColumn(String line) {
        String trimmed = line.strip();
        int cut = Math.max(trimmed.lastIndexOf(' '), trimmed.lastIndexOf('\t'));
        return cut < 0 ? "O" : trimmed.substring(cut + 1);
    }

    private static List<LabeledDocument> readConll(List<String> lines) {
        DocumentBuilder b = new DocumentBuilder(true);
        for (String line : lines) {
            if (isDocStart(line)) {
                b.endDocument();
            } else if (line.isBlank()) {
                b.endSentence();
            } else {
                b.add(token(line), lastColumn(line));
            }
        }
        b.endDocument();
        return b.documents;
    }

    private static List<LabeledDocument> readIob2(List<String> lines) {
        DocumentBuilder b = new DocumentBuilder(false);
        for (String line : lines) {
            if (line.startsWith("# newdoc")) {
                b.endDocument();
            } else if (line.startsWith("#")) {
                continue;
            } else if (line.isBlank()) {
                b.endSentence();
            } else {
                String[] f = line.split("\t");
                b.add(f[1], f.length > 2 ? f[2] : "O");
            }
        }
        b.endDocument();
        return b.documents;
    }

    private static List<LabeledDocument> readTokens(List<String> lines) {
        boolean hasMisc = false;
        for (String line : lines) {
            String tag = lastColumn(line);
            if (tag.endsWith("MISC") || tag.endsWith("creative-work") || tag.endsWith("product")) {
                hasMisc = true;
                break;
            }
        }
        DocumentBuilder b = new DocumentBuilder(hasMisc);
        for (String line : lines) {
            if (line.isBlank()) {
                b.endDocument();
            } else {
                b.add(token(line), lastColumn(line));
            }
        }
        b.endDocument();
        return b.documents;
    }

    /**
     * CrossNER's fine-grained types that are people, places or organisations. Its other types (misc, award,
     * election, album, musicgenre, protein, ...) follow conventions of their own, so they are read as O, which the
     * document's constrained target lets be MISC (as for Universal NER); no MISC is taught from them.
     */
    private static final Map<String, String> CROSSNER_TYPES = Map.ofEntries(
            Map.entry("person", "PER"), Map.entry("politician", "PER"), Map.entry("writer", "PER"),
            Map.entry("musicalartist", "PER"), Map.entry("scientist", "PER"), Map.entry("researcher", "PER"),
            Map.entry("location", "LOC"), Map.entry("country", "LOC"),
            Map.entry("organisation", "ORG"), Map.entry("politicalparty", "ORG"), Map.entry("band", "ORG"),
            Map.entry("university", "ORG"));

    /** CrossNER (Liu et al. 2021): TOKEN TAB TAG, a blank line after each sentence, each sentence a document. */
    private static List<LabeledDocument> readCrossNer(List<String> lines) {
        DocumentBuilder b = new DocumentBuilder(false);
        for (String line : lines) {
            if (line.isBlank()) {
                b.endDocument();
            } else {
                String tag = lastColumn(line);
                String type = tag.length() > 2 ? CROSSNER_TYPES.get(tag.substring(2)) : null;
                b.add(token(line), type == null ? "O" : tag.substring(0, 2) + type);
            }
        }
        b.endDocument();
        return b.documents;
    }

    /** The project's type name of a dataset's type name (WNUT-17's are mapped), or the name itself. */
    static String typeName(String name) {
        return switch (name) {
            case "person" -> "PER";
            case "location" -> "LOC";
            case "corporation", "group" -> "ORG";
            case "creative-work", "product" -> "MISC";
            default -> name;
        };
    }

    /** Converts tag names to IOB2 label indexes, reading I- after a different type as B-. */
    static int[] toIob2(List<String> tags) {
        int[] labels = new int[tags.size()];
        int prevType = -1;
        for (int i = 0; i < labels.length; i++) {
            String tag = tags.get(i);
            int type = tag.length() > 2 && tag.charAt(1) == '-' ? Label.typeIndex(typeName(tag.substring(2))) : -1;
            if (type < 0) {
                labels[i] = Label.O;
            } else if (tag.charAt(0) == 'I' && type == prevType) {
                labels[i] = Label.inside(type);
            } else {
                labels[i] = Label.begin(type);
            }
            prevType = type;
        }
        return labels;
    }

    private static final class DocumentBuilder {
        final boolean hasMisc;
        final List<LabeledDocument> documents = new ArrayList<>();
        List<List<String>> sentences = new ArrayList<>();
        List<String> sentence = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        List<String> docTags = new ArrayList<>();

        DocumentBuilder(boolean hasMisc) {
            this.hasMisc = hasMisc;
        }

        void add(String token, String tag) {
            sentence.add(token);
            tags.add(tag);
        }

        void endSentence() {
            if (!sentence.isEmpty()) {
                sentences.add(sentence);
                docTags.add(null); // sentence boundary: IOB1 entities never cross it
                docTags.addAll(tags);
                sentence = new ArrayList<>();
                tags = new ArrayList<>();
            }
        }

        void endDocument() {
            endSentence();
            if (!sentences.isEmpty()) {
                List<String> flat = new ArrayList<>();
                List<Integer> labels = new ArrayList<>();
                for (String t : docTags) {
                    if (t == null) {
                        for (int l : toIob2(flat)) {
                            labels.add(l);
                        }
                        flat.clear();
                    } else {
                        flat.add(t);
                    }
                }
                for (int l : toIob2(flat)) {
                    labels.add(l);
                }
                documents.add(new LabeledDocument(NerDocument.of(sentences),
                        labels.stream().mapToInt(Integer::intValue).toArray(), hasMisc));
            }
            sentences = new ArrayList<>();
            docTags = new ArrayList<>();
        }
    }
}
