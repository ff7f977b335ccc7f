package dev.newswire.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/** The bearer tokens that guard the HTTP endpoints (ingest's {@code POST /pages}, the console and its API). */
public final class BearerTokens {

    private BearerTokens() {
    }

    /**
     * The tokens of a comma-separated setting and of a file of one token a line ({@code #} starts a comment).
     *
     * @param fileKey the setting that named the file, for the error
     * @throws ConfigException when the file cannot be read
     */
    public static List<String> read(Password tokens, String file, String fileKey) {
        List<String> out = new ArrayList<>();
        if (tokens != null && !tokens.value().isBlank()) {
            for (String t : tokens.value().split(",")) {
                if (!t.isBlank()) {
                    out.add(t.strip());
                }
            }
        }
        if (file != null && !file.isBlank()) {
            try {
                for (String line : Files.readAllLines(Path.of(file))) {
                    String t = line.strip();
                    if (!t.isEmpty() && !t.startsWith("#")) {
                        out.add(t);
                    }
                }
            } catch (IOException e) {
                throw new ConfigException(fileKey, file, "cannot read: " + e.getMessage());
            }
        }
        return out;
    }

    /** The tokens as the bytes {@link #authorised} compares. */
    public static List<byte[]> bytes(List<String> tokens) {
        return tokens.stream().map(t -> t.getBytes(StandardCharsets.UTF_8)).toList();
    }

    /**
     * Whether an {@code Authorization} header carries one of the tokens; with no tokens, everyone is. Every token is
     * compared, each in constant time, so the time taken says nothing about how close a guess came.
     */
    public static boolean authorised(List<byte[]> tokens, String header) {
        if (tokens.isEmpty()) {
            return true;
        }
        if (header == null || header.length() < 8 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        byte[] given = header.substring(7).strip().getBytes(StandardCharsets.UTF_8);
        boolean ok = false;
        for (byte[] t : tokens) {
            ok |= MessageDigest.isEqual(t, given);
        }
        return ok;
    }
}
