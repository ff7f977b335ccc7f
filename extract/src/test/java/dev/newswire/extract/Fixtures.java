package dev.newswire.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the small HTML fixtures written for the tests ({@code src/test/resources/fixtures}). */
public final class Fixtures {

    private Fixtures() {
    }

    /** A fixture's bytes. */
    public static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fixture as UTF-8 text. */
    public static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }
}
