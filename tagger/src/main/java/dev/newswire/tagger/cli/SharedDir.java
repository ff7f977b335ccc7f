package dev.newswire.tagger.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the shared datasets live: property {@code newswire.shared}, env NEWSWIRE_SHARED, ../shared, /work/shared. */
final class SharedDir {

    private SharedDir() {
    }

    static Path locate() {
        for (String candidate : new String[]{System.getProperty("newswire.shared"), System.getenv("NEWSWIRE_SHARED"),
                "../shared", "/work/main/../shared"}) {
            if (candidate != null && Files.isDirectory(Path.of(candidate))) {
                return Path.of(candidate).normalize();
            }
        }
        return Path.of("../shared");
    }

    static Path conll(String file) {
        return locate().resolve("datasets/ner/conll2003").resolve(file);
    }
}
