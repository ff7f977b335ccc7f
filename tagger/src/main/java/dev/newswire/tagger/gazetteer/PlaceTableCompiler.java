package dev.newswire.tagger.gazetteer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Build step, not a command: compiles the text linking table ({@code places.tsv.gz}, written by
 * {@code tagger/scripts/build-gazetteer.sh} and kept in the repository) into the binary form the tagger loads
 * ({@code places.bin}). Maven runs it in the process-classes phase; the jar ships only the binary form.
 */
public final class PlaceTableCompiler {

    private PlaceTableCompiler() {
    }

    /** Arguments: the text table, the binary file to write. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: PlaceTableCompiler places.tsv.gz places.bin");
        }
        Path text = Path.of(args[0]);
        Path binary = Path.of(args[1]);
        PlaceTable table;
        try (InputStream in = Files.newInputStream(text)) {
            table = PlaceTable.readText(in);
        }
        Files.createDirectories(binary.toAbsolutePath().getParent());
        Path partial = binary.resolveSibling(binary.getFileName() + ".partial");
        try (OutputStream out = Files.newOutputStream(partial)) {
            table.writeBinary(out);
        }
        Files.move(partial, binary, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
