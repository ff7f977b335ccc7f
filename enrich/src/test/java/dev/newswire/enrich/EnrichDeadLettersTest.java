package dev.newswire.enrich;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newswire.model.DeadLetters;
import dev.newswire.model.Topics;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;

/** What escapes the processors becomes a dead letter of the one scheme, not a Kafka Streams one. */
class EnrichDeadLettersTest {

    private static ErrorHandlerContext context(byte[] key, byte[] value) {
        Headers headers = new RecordHeaders().add("crawler-trace", "t-1".getBytes(StandardCharsets.UTF_8));
        return new ErrorHandlerContext() {
            public String topic() { return Topics.RAW; }
            public int partition() { return 2; }
            public long offset() { return 41; }
            public Headers headers() { return headers; }
            public String processorNodeId() { return EnrichTopology.PROCESSOR; }
            public TaskId taskId() { return new TaskId(0, 2); }
            public long timestamp() { return 1_700_000_000_000L; }
            public byte[] sourceRawKey() { return key; }
            public byte[] sourceRawValue() { return value; }
        };
    }

    @Test
    void anEscapedFailureParksTheOriginalRecordWithTheNewswireHeaders() {
        byte[] key = "https://news.example/a".getBytes(StandardCharsets.UTF_8);
        byte[] value = "{\"url\":\"https://news.example/a\"}".getBytes(StandardCharsets.UTF_8);
        ProcessingExceptionHandler.Response r = new EnrichDeadLetters.Handler().handleError(context(key, value),
                new Record<>("https://news.example/a", value, 0L), new IllegalStateException("a bug"));

        assertEquals(ProcessingExceptionHandler.Result.RESUME, r.result(), "the stream goes on");
        List<ProducerRecord<byte[], byte[]>> dead = r.deadLetterQueueRecords();
        assertEquals(1, dead.size());
        ProducerRecord<byte[], byte[]> d = dead.get(0);
        assertEquals(Topics.DLQ, d.topic());
        assertArrayEquals(key, d.key());
        assertArrayEquals(value, d.value(), "the original value, unchanged");
        assertEquals("enrich-failed", DeadLetters.header(d.headers(), DeadLetters.REASON));
        assertEquals("enrich", DeadLetters.header(d.headers(), DeadLetters.STAGE));
        assertEquals(Topics.RAW, DeadLetters.header(d.headers(), DeadLetters.SOURCE_TOPIC));
        assertEquals("2", DeadLetters.header(d.headers(), DeadLetters.SOURCE_PARTITION));
        assertEquals("41", DeadLetters.header(d.headers(), DeadLetters.SOURCE_OFFSET));
        assertEquals("java.lang.IllegalStateException", DeadLetters.header(d.headers(), DeadLetters.EXCEPTION_CLASS));
        assertEquals("t-1", DeadLetters.header(d.headers(), "crawler-trace"), "the record's own headers are kept");
        for (var h : d.headers()) {
            assertTrue(!h.key().startsWith("__streams"), "no second header scheme: " + h.key());
        }
    }

    @Test
    void aFailureOutsideAnyRecordParksNothing() {
        ProcessingExceptionHandler.Response r = new EnrichDeadLetters.Handler().handleError(context(null, null),
                (Record<?, ?>) null, new IllegalStateException("in a punctuation"));
        assertEquals(ProcessingExceptionHandler.Result.RESUME, r.result());
        assertTrue(r.deadLetterQueueRecords().isEmpty());
    }
}
