package dev.newswire.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newswire.ingest.PagePublisher;
import java.io.ByteArrayInputStream;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

class CrawlIngesterTest {

    /** A real producer pointed at a port where no broker listens: every send fails after max.block.ms. */
    private static PagePublisher unreachable() {
        return new PagePublisher(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 200));
    }

    @Test
    void pagesKafkaDidNotAcknowledgeFailTheRunInsteadOfCountingAsSkipped() throws Exception {
        try (PagePublisher publisher = unreachable()) {
            CrawlIngester ingester = new CrawlIngester(publisher, 1 << 20, "test", null, false);
            ingester.ingestWarc(new ByteArrayInputStream(WarcPagesTest.mixedWarc("WARC/1.1", true)), "fixture.warc.gz");
            CrawlSummary counted = ingester.summary();
            assertEquals(3, counted.published(), "handed to the producer");
            assertTrue(!counted.skipped().containsKey("malformed-record"), counted.toString());
            IllegalStateException e = assertThrows(IllegalStateException.class, ingester::finish);
            assertTrue(e.getMessage().contains("did not acknowledge"), e.getMessage());
        }
    }

    @Test
    void everyRecordIsPublishedOrSkipped() throws Exception {
        try (PagePublisher publisher = unreachable()) {
            CrawlIngester ingester = new CrawlIngester(publisher, 1 << 20, "test", null, true);
            ingester.ingestWarc(new ByteArrayInputStream(WarcPagesTest.mixedWarc("WARC/1.0", false)), "fixture.warc");
            CrawlSummary s = ingester.summary();
            assertEquals(11, s.read());
            assertEquals(s.read(), s.published() + s.skippedTotal());
            assertEquals(3, ingester.publishedKeys().size());
        }
    }
}
