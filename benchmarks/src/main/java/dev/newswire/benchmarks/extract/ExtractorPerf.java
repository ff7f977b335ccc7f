package dev.newswire.benchmarks.extract;

import dev.newswire.shareddata.SharedData;
import dev.newswire.extract.ExtractionResult;
import dev.newswire.extract.Extractor;
import dev.newswire.extract.UndecodableContentException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Speed and allocation of the main-content extractor over the extraction dev set (793 real article pages,
 * 173 KB of HTML on average), single-threaded, so the figures are per core. One operation is one page, taken
 * in turn from the whole set, so {@code ops/s} is pages per second and, with {@code -prof gc},
 * {@code gc.alloc.rate.norm} is bytes allocated per page.
 * <ul>
 *   <li>{@code extract}: the whole extractor from bytes (decode, parse, metadata, content, language, kind);</li>
 *   <li>{@code jsoupParse}: jsoup parsing the same pages alone, as the yardstick.</li>
 * </ul>
 * Warm-up iterations are long (20 s) because jsoup and the extractor need that much to be compiled on a
 * shared two-core machine; pages are shuffled once (fixed seed) so each iteration sees a like mix.
 * Run: {@code java -jar benchmarks/target/benchmarks.jar ExtractorPerf -f 1 -wi 2 -i 3 -prof gc}. The dev set
 * comes from the shared directory beside the project ({@link SharedData}: {@code -Dnewswire.shared=DIR} or
 * {@code NEWSWIRE_SHARED}).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 20)
@Measurement(iterations = 3, time = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class ExtractorPerf {

    /** The dev set's pages, decompressed into memory, and one shared extractor. */
    @State(Scope.Benchmark)
    public static class Pages {
        Extractor extractor;
        List<byte[]> pages;

        @Setup(Level.Trial)
        public void load() throws IOException {
            extractor = Extractor.create();
            pages = new ArrayList<>();
            Path html = SharedData.require("datasets/extraction-dev/html");
            try (Stream<Path> files = Files.list(html)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".html.gz")).sorted().toList()) {
                    try (InputStream in = new GZIPInputStream(Files.newInputStream(f))) {
                        ByteArrayOutputStream out = new ByteArrayOutputStream();
                        in.transferTo(out);
                        pages.add(out.toByteArray());
                    }
                }
            }
            // a fixed shuffle, so that every iteration sees a like mix of small and large pages
            java.util.Collections.shuffle(pages, new java.util.Random(793));
            if (pages.isEmpty()) {
                throw new IllegalStateException("no pages in " + html);
            }
        }
    }

    /** Which page comes next, per benchmark thread. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;

        byte[] page(Pages p) {
            byte[] b = p.pages.get(next);
            next = next + 1 == p.pages.size() ? 0 : next + 1;
            return b;
        }
    }

    /** One page through the whole extractor. */
    @Benchmark
    public ExtractionResult extract(Pages pages, Cursor cursor) throws UndecodableContentException {
        return pages.extractor.extract(cursor.page(pages), "text/html", null);
    }

    /** One page through jsoup's parser alone (decoded as UTF-8), for comparison. */
    @Benchmark
    public org.jsoup.nodes.Document jsoupParse(Pages pages, Cursor cursor) {
        return org.jsoup.Jsoup.parse(new String(cursor.page(pages), StandardCharsets.UTF_8));
    }

}
