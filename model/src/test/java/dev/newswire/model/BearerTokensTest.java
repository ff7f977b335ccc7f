package dev.newswire.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BearerTokensTest {

    @Test
    void tokensComeFromTheSettingAndTheFileWithoutBlanksOrComments(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("tokens"), "# the operators\n  ops-token  \n\nci-token\n");
        assertEquals(List.of("one", "two", "ops-token", "ci-token"),
                BearerTokens.read(new Password(" one, ,two "), file.toString(), "auth.tokens.file"));
        assertEquals(List.of(), BearerTokens.read(new Password(""), "", "auth.tokens.file"));
    }

    @Test
    void anUnreadableFileIsAConfigurationErrorNamingTheSetting(@TempDir Path dir) {
        ConfigException e = assertThrows(ConfigException.class,
                () -> BearerTokens.read(null, dir.resolve("missing").toString(), "auth.tokens.file"));
        assertTrue(e.getMessage().contains("auth.tokens.file"), e.getMessage());
    }

    @Test
    void onlyAHeaderWithOneOfTheTokensIsAuthorised() {
        List<byte[]> tokens = BearerTokens.bytes(List.of("alpha", "beta"));
        assertTrue(BearerTokens.authorised(tokens, "Bearer beta"));
        assertTrue(BearerTokens.authorised(tokens, "bearer  alpha "), "the scheme is case-insensitive, the token trimmed");
        assertFalse(BearerTokens.authorised(tokens, "Bearer gamma"));
        assertFalse(BearerTokens.authorised(tokens, "Bearer alph"));
        assertFalse(BearerTokens.authorised(tokens, "Basic YWxwaGE="));
        assertFalse(BearerTokens.authorised(tokens, "Bearer "));
        assertFalse(BearerTokens.authorised(tokens, null));
        assertTrue(BearerTokens.authorised(List.of(), null), "no tokens: no authentication asked");
    }
}
