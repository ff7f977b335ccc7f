package dev.newswire.ingest.source;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

/** Writes WARC records byte by byte, as crawlers do, optionally one gzip member per record. */
final class WarcFixture {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final boolean gzipPerRecord;
    private final String version;

    WarcFixture(String version, boolean gzipPerRecord) {
        this.version = version;
        this.gzipPerRecord = gzipPerRecord;
    }

    WarcFixture record(String type, String targetUri, String date, String contentType, byte[] block, String... extraHeaders)
            throws IOException {
        StringBuilder h = new StringBuilder(version).append("\r\n")
                .append("WARC-Type: ").append(type).append("\r\n")
                .append("WARC-Record-ID: <urn:uuid:").append(UUID.randomUUID()).append(">\r\n")
                .append("WARC-Date: ").append(date).append("\r\n");
        if (targetUri != null) {
            h.append("WARC-Target-URI: ").append(targetUri).append("\r\n");
        }
        for (String x : extraHeaders) {
            h.append(x).append("\r\n");
        }
        if (contentType != null) {
            h.append("Content-Type: ").append(contentType).append("\r\n");
        }
        h.append("Content-Length: ").append(block.length).append("\r\n\r\n");
        ByteArrayOutputStream rec = new ByteArrayOutputStream();
        rec.write(h.toString().getBytes(StandardCharsets.UTF_8));
        rec.write(block);
        rec.write("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        if (gzipPerRecord) {
            try (OutputStream gz = new GZIPOutputStream(out) {
                @Override
                public void close() throws IOException {
                    finish(); // one gzip member per record; keep the underlying stream open
                }
            }) {
                gz.write(rec.toByteArray());
            }
        } else {
            out.write(rec.toByteArray());
        }
        return this;
    }

    WarcFixture response(String uri, String date, String httpHead, byte[] body) throws IOException {
        byte[] head = httpHead.replace("\n", "\r\n").concat("\r\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] block = new byte[head.length + body.length];
        System.arraycopy(head, 0, block, 0, head.length);
        System.arraycopy(body, 0, block, head.length, body.length);
        return record("response", uri, date, "application/http;msgtype=response", block);
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(b)) {
            g.write(data);
        }
        return b.toByteArray();
    }
}
