package dev.newswire.dedup;

import java.util.ArrayList;
import java.util.List;

/**
 * Locality-sensitive hashing over MinHash signatures: the signature is cut into bands of rows, each band hashed to
 * one bucket key. Two texts land in a common bucket when one whole band agrees, which is likely for similar texts
 * and unlikely for different ones; only those candidates are compared.
 */
public final class LshBands {

    private LshBands() {
    }

    /** One bucket key per band: {@code "<band>:<hash of its rows>"}. */
    public static List<String> bucketKeys(Sketch sketch, DedupSettings settings) {
        List<String> keys = new ArrayList<>(settings.bands());
        long[] m = sketch.minHashes();
        for (int band = 0; band < settings.bands(); band++) {
            long h = band;
            for (int row = 0; row < settings.rowsPerBand(); row++) {
                h = Sketch.mix(h * 31 + m[band * settings.rowsPerBand() + row]);
            }
            keys.add(band + ":" + Long.toHexString(h));
        }
        return keys;
    }
}
