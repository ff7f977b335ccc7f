package dev.newswire.dedup;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * What the index remembers of one article.
 *
 * @param id          article id
 * @param storyId     its story: the id of the story's first-seen article
 * @param duplicateOf the first-seen article it copies, or null for a story's original
 * @param firstSeen   when it was first seen (epoch ms)
 * @param lastSeen    when it (or a version of it) was last seen (epoch ms); it expires a window after this
 * @param sketch      the sketch of its latest text, or null
 */
public record StoredArticle(String id, String storyId, String duplicateOf, long firstSeen, long lastSeen,
                            Sketch sketch) {

    /** This article seen again at {@code at}, with a new sketch (a version). */
    public StoredArticle seenAgain(long at, Sketch newSketch) {
        return new StoredArticle(id, storyId, duplicateOf, firstSeen, Math.max(lastSeen, at), newSketch);
    }

    /** Compact binary form for a state store. */
    public byte[] toBytes() {
        byte[] sk = sketch == null ? new byte[0] : sketch.toBytes();
        byte[] i = id.getBytes(StandardCharsets.UTF_8);
        byte[] s = storyId.getBytes(StandardCharsets.UTF_8);
        byte[] d = duplicateOf == null ? new byte[0] : duplicateOf.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(1 + 4 * 4 + i.length + s.length + d.length + 16 + sk.length);
        b.put((byte) 1); // format version
        b.putInt(i.length).put(i).putInt(s.length).put(s).putInt(d.length).put(d);
        b.putLong(firstSeen).putLong(lastSeen).putInt(sk.length).put(sk);
        return b.array();
    }

    /** Reads {@link #toBytes()}. */
    public static StoredArticle fromBytes(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        byte version = b.get();
        if (version != 1) {
            throw new IllegalArgumentException("unknown stored article format " + version);
        }
        String id = string(b);
        String story = string(b);
        String dup = string(b);
        long first = b.getLong();
        long last = b.getLong();
        int skLen = b.getInt();
        Sketch sketch = skLen == 0 ? null : Sketch.fromBytes(b);
        return new StoredArticle(id, story, dup.isEmpty() ? null : dup, first, last, sketch);
    }

    private static String string(ByteBuffer b) {
        byte[] x = new byte[b.getInt()];
        b.get(x);
        return new String(x, StandardCharsets.UTF_8);
    }
}
