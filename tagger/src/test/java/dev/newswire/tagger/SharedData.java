package dev.newswire.tagger;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the shared development data: system property {@code newswire.shared}, else {@code /work/main/../shared}. */
final class SharedData {

    private SharedData() {
    }

    static Path root() {
        // Maven sets the property from the project root; a build started inside tagger/ gets a wrong one,
        // so also look beside the project root as seen from the module directory.
        for (String candidate : new String[]{System.getProperty("newswire.shared"), "../../shared", "../shared"}) {
            if (candidate != null && Files.isDirectory(Path.of(candidate, "datasets"))) {
                return Path.of(candidate).toAbsolutePath().normalize();
            }
        }
        return Path.of("/work/main/../shared").normalize();
    }

    /** The AP story of the sample page: the text before "Source link". */
    static String sampleStory() throws java.io.IOException {
        String page = Files.readString(root().resolve("samples/ap-putin-pyongyang-repost.txt"));
        int cut = page.indexOf("Source link");
        return cut >= 0 ? page.substring(0, cut) : page;
    }
}
