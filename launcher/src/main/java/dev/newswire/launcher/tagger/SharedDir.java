package dev.newswire.launcher.tagger;

import dev.newswire.shareddata.SharedData;

import java.nio.file.Path;

/** The NER corpora in the shared development data ({@link SharedData} finds the directory). */
final class SharedDir {

    private SharedDir() {
    }

    /** {@code shared/datasets/ner}. */
    static Path ner() {
        return SharedData.require("datasets/ner");
    }

    /** A geoparsing gold set of {@code shared/datasets/geo}: "tr-news" or "geowebnews" (or a path to such a file). */
    static Path geo(String set) {
        if (set.endsWith(".xml")) {
            return Path.of(set);
        }
        return SharedData.require("datasets/geo").resolve(set + ".xml");
    }

    /** A file of the CoNLL-2003 splits. */
    static Path conll(String file) {
        return SharedData.require("datasets/ner/conll2003").resolve(file);
    }
}
