package dev.newswire.ingest.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newswire.ingest.PagePublisher;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

class SourcePublisherTest {

    /** A real producer pointed at a port where no broker listens: every send fails after max.block.ms. */
    private static PagePublisher unreachable() {
        return new PagePublisher(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 200));
    }

    @Test
    void pagesKafkaDidNotAcknowledgeFailTheRunInsteadOfCountingAsSkipped() throws Exception {
        try (PagePublisher publisher = unreachable()) {
            SourcePublisher ingester = new SourcePublisher(publisher, 1 << 20, "test", null);
            ingester.publishWarc(new ByteArrayInputStream(WarcPagesTest.mixedWarc("WARC/1.1", true)), "fixture.warc.gz");
            IngestSummary counted = ingester.summary();
            assertEquals(3, counted.published(), "handed to the producer");
            assertTrue(!counted.skipped().containsKey("malformed-record"), counted.toString());
            IllegalStateException e = assertThrows(IllegalStateException.class, ingester::finish);
            assertTrue(e.getMessage().contains("did not acknowledge"), e.getMessage());
        }
    }

    @Test
    void everyRecordIsPublishedOrSkipped() throws Exception {
        try (PagePublisher publisher = unreachable()) {
            List<String> keys = new ArrayList<>();
            SourcePublisher ingester = new SourcePublisher(publisher, 1 << 20, "test", null).beforeSend(keys::add);
            ingester.publishWarc(new ByteArrayInputStream(WarcPagesTest.mixedWarc("WARC/1.0", false)), "fixture.warc");
            IngestSummary s = ingester.summary();
            assertEquals(11, s.read());
            assertEquals(s.read(), s.published() + s.skippedTotal());
            assertEquals(List.of("http://news.example/a", "https://news.example/b", "http://news.example/c"), keys);
        }
    }
}
