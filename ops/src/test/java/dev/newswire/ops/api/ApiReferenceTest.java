package dev.newswire.ops.api;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's API reference is the one generated from openapi.json: an endpoint changed there fails here until the README follows. */
class ApiReferenceTest {

    @Test
    void theReadmesApiReferenceIsGeneratedFromTheOpenApiFile() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        String expected = ApiReference.markdown();
        assertTrue(readme.contains(expected), "README.md's API reference drifted from openapi.json: put this in its place\n\n" + expected);
    }
}
