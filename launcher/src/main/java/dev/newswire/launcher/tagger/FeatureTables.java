package dev.newswire.launcher.tagger;

import dev.newswire.tagger.Tagger;
import dev.newswire.tagger.gazetteer.Gazetteer;
import dev.newswire.tagger.ner.FeatureExtractor;
import dev.newswire.tagger.ner.Lexicon;
import dev.newswire.tagger.ner.NameLists;
import dev.newswire.tagger.ner.WordClusters;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Options naming the feature tables to use instead of the shipped ones (to try rebuilt tables before shipping). */
final class FeatureTables {

    @Option(names = "--classes", description = "word classes file written by tag-vectors (default: the shipped one)")
    Path classes;

    @Option(names = "--names", description = "name lists file written by tag-names (default: the shipped one)")
    Path names;

    /** The features of these tables, the shipped ones where none is named. */
    FeatureExtractor extractor(Gazetteer gazetteer) throws IOException {
        if (classes == null && names == null) {
            return Tagger.featureExtractor(gazetteer);
        }
        WordClusters wordClasses;
        if (classes == null) {
            wordClasses = WordClusters.loadShipped();
        } else {
            try (InputStream in = Files.newInputStream(classes)) {
                wordClasses = WordClusters.read(in);
            }
        }
        NameLists nameLists;
        if (names == null) {
            nameLists = NameLists.loadShipped();
        } else {
            try (InputStream in = Files.newInputStream(names)) {
                nameLists = NameLists.read(in);
            }
        }
        return new FeatureExtractor(Lexicon.load(gazetteer), wordClasses, nameLists);
    }

    /** True when no table was named. */
    boolean shipped() {
        return classes == null && names == null;
    }
}
