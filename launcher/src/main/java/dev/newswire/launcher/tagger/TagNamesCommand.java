package dev.newswire.launcher.tagger;

import dev.newswire.tagger.ner.NameLists;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/**
 * {@code tag-names}: converts NLP4J's English named-entity gazetteers (Maven Central
 * {@code edu.emory.mathcs.nlp:nlp4j-english:1.1.3}, Apache-2.0; {@code en-named-entity-gazetteers-simplified},
 * decompressed) into the name lists the tagger ships. Their file is a serialised prefix tree of NLP4J's
 * {@code nlp4j-common}, which must be on the classpath; {@code tagger/scripts/build-name-lists.sh} runs this.
 * The tree is read through reflection, so the project does not depend on NLP4J.
 */
@Command(name = "tag-names", mixinStandardHelpOptions = true,
        description = "Convert NLP4J's named-entity gazetteers into the tagger's name lists.")
public final class TagNamesCommand implements Callable<Integer> {

    @Option(names = "--gazetteers", required = true,
            description = "en-named-entity-gazetteers-simplified, xz-decompressed (a serialised NLP4J PrefixTree)")
    Path gazetteers;

    @Option(names = "--output", defaultValue = "tagger/src/main/resources/dev/newswire/tagger/lexicon/names.bin.gz",
            description = "name lists to write (default: ${DEFAULT-VALUE})")
    Path output;

    @Override
    public Integer call() throws Exception {
        Object tree;
        try (InputStream raw = Files.newInputStream(gazetteers);
             ObjectInputStream in = new ObjectInputStream(new BufferedInputStream(raw, 1 << 20))) {
            tree = in.readObject();
        }
        List<String> phrases = new ArrayList<>();
        List<Integer> masks = new ArrayList<>();
        collect(tree.getClass().getMethod("getRoot").invoke(tree), new ArrayList<>(), phrases, masks);
        if (output.getParent() != null) {
            Files.createDirectories(output.getParent());
        }
        int written;
        try (OutputStream out = Files.newOutputStream(output)) {
            written = NameLists.write(phrases, masks, out);
        }
        System.out.printf(Locale.ROOT, "%d phrases read, %d of up to %d tokens written to %s (%d bytes)%n",
                phrases.size(), written, NameLists.MAX_TOKENS, output, Files.size(output));
        return 0;
    }

    /** Depth-first over the tree: a node with a value ends a phrase; its value is the set of category ids. */
    private static void collect(Object node, List<String> path, List<String> phrases, List<Integer> masks)
            throws ReflectiveOperationException {
        Method getValue = node.getClass().getMethod("getValue");
        Object value = getValue.invoke(node);
        if (value instanceof Collection<?> ids && !path.isEmpty()) {
            int mask = 0;
            for (Object id : ids) {
                mask |= 1 << Integer.parseInt(id.toString());
            }
            phrases.add(String.join(" ", path));
            masks.add(mask);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> children = new TreeMap<>((Map<String, Object>) node);
        for (Map.Entry<String, Object> child : children.entrySet()) {
            path.add(child.getKey());
            collect(child.getValue(), path, phrases, masks);
            path.remove(path.size() - 1);
        }
    }
}
