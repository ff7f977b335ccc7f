package dev.newswire.tagger;

import dev.newswire.shareddata.SharedData;

import java.io.IOException;
import java.nio.file.Files;

/** The project's reference story: the AP text of the sample repost page, before the blog's "Source link". */
final class SampleStory {

    private SampleStory() {
    }

    static String text() throws IOException {
        String page = Files.readString(SharedData.require("samples/ap-putin-pyongyang-repost.txt"));
        int cut = page.indexOf("Source link");
        return cut >= 0 ? page.substring(0, cut) : page;
    }
}
