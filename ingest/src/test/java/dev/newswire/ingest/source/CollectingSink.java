package dev.newswire.ingest.source;

import dev.newswire.ingest.KeyedPage;
import dev.newswire.model.RawPage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Keeps what a reader hands over. */
final class CollectingSink implements PageSink {
    final List<RawPage> pages = new ArrayList<>();
    final Map<String, Integer> skipped = new TreeMap<>();

    @Override
    public void page(KeyedPage page) {
        pages.add(page.page());
    }

    @Override
    public void skip(String reason, String detail) {
        skipped.merge(reason, 1, Integer::sum);
    }
}
