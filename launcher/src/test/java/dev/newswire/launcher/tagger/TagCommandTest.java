package dev.newswire.launcher.tagger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TagCommandTest {

    @Test
    void appendsOneIob2TagPerTokenLineAndKeepsTheRest(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("in.txt");
        Path out = dir.resolve("out.txt");
        Files.writeString(in, "-DOCSTART- -X- -X- O\n\nVladimir NNP\nPutin NNP\nvisited VBD\nPyongyang NNP\n. .\n\n"
                + "-DOCSTART- -X- -X- O\n\nKim NNP\nJong NNP\nUn NNP\nwaited VBD\n");
        int status = new CommandLine(new TagCommand()).execute("--conll", in.toString(), "--output", out.toString());
        assertEquals(0, status);
        List<String> inLines = Files.readAllLines(in);
        List<String> outLines = Files.readAllLines(out);
        assertEquals(inLines.size(), outLines.size());
        for (int i = 0; i < inLines.size(); i++) {
            if (inLines.get(i).isEmpty()) {
                assertEquals("", outLines.get(i));
            } else {
                assertTrue(outLines.get(i).startsWith(inLines.get(i) + " "), outLines.get(i));
            }
        }
        assertEquals("-DOCSTART- -X- -X- O O", outLines.get(0));
        assertEquals(List.of("B-PER", "I-PER", "O", "B-LOC", "O"),
                outLines.subList(2, 7).stream().map(l -> l.substring(l.lastIndexOf(' ') + 1)).toList());
        assertEquals(List.of("B-PER", "I-PER", "I-PER", "O"),
                outLines.subList(10, 14).stream().map(l -> l.substring(l.lastIndexOf(' ') + 1)).toList());
    }

    @Test
    void aMissingOrNonUtf8InputIsAClearErrorAndWritesNothing(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out.txt");
        TagCommand missing = new TagCommand();
        missing.input = dir.resolve("nope.conll");
        missing.output = out;
        assertEquals("no such file: " + missing.input, assertThrows(java.io.IOException.class, missing::call).getMessage());

        Path binary = dir.resolve("binary.conll");
        Files.write(binary, new byte[]{'P', 'u', 't', 'i', 'n', ' ', (byte) 0xC3, (byte) 0x28, '\n', (byte) 0xFF});
        TagCommand notText = new TagCommand();
        notText.input = binary;
        notText.output = out;
        String message = assertThrows(java.io.IOException.class, notText::call).getMessage();
        assertTrue(message.contains("is not UTF-8 text"), message);
        assertFalse(Files.exists(out), "no output is written for input that cannot be read");
    }
}
