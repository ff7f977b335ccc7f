package dev.newswire.ops.console;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newswire.ops.api.BearerAuth;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Who may read the console: loopback without tokens, anywhere else only with them. */
class ConsoleConfigTest {

    @Test
    void aNonLoopbackAddressNeedsTokens() {
        for (String loopback : List.of("127.0.0.1", "localhost", "::1", "127.0.0.2")) {
            assertDoesNotThrow(() -> ConsoleConfig.checkAccess(loopback, List.of()), loopback);
        }
        for (String open : List.of("0.0.0.0", "::", "192.0.2.10", "no-such-host.invalid")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConsoleConfig.checkAccess(open, List.of()));
            assertTrue(e.getMessage().contains("console.auth.tokens"), e.getMessage());
            assertDoesNotThrow(() -> ConsoleConfig.checkAccess(open, List.of("t")));
        }
    }

    @Test
    void tokensComeFromTheSettingAndTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("tokens");
        Files.writeString(file, "# readers\nfile-token\n\n  other  \n");
        ConsoleConfig c = new ConsoleConfig(Map.of(ConsoleConfig.AUTH_TOKENS, "a, b,", ConsoleConfig.AUTH_TOKENS_FILE, file.toString()));
        assertEquals(List.of("a", "b", "file-token", "other"), c.tokens());
        assertEquals("127.0.0.1", c.host());
        assertEquals(8471, c.port());
    }

    @Test
    void bearerTokensAreCheckedExactly() {
        BearerAuth auth = new BearerAuth(List.of("secret"));
        assertTrue(auth.enabled());
        for (String wrong : new String[] {null, "", "Bearer", "Bearer ", "Bearer secre", "Bearer secret2", "Basic secret", "secret"}) {
            assertTrue(!authorised(auth, wrong), String.valueOf(wrong));
        }
        assertTrue(authorised(auth, "Bearer secret"));
        assertTrue(authorised(auth, "bearer  secret "));
        assertTrue(authorised(new BearerAuth(List.of()), null), "no tokens: open (loopback only)");
    }

    private static boolean authorised(BearerAuth auth, String header) {
        try {
            var m = BearerAuth.class.getDeclaredMethod("authorised", String.class);
            m.setAccessible(true);
            return (boolean) m.invoke(auth, header);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theConsoleCommandRefusesAnOpenBindBeforeDoingAnything() {
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new ConsoleCommand());
        cl.setErr(new PrintWriter(err));
        int code = cl.execute("--host", "0.0.0.0", "-b", "127.0.0.1:1");
        assertNotEquals(0, code);
        assertTrue(err.toString().contains("console.auth.tokens"), err.toString());
    }
}
