package dev.newswire.dedup;

import java.time.Duration;

/**
 * The heuristics of duplicate detection as data, in one place. {@link #DEFAULTS} are the values measured in
 * {@code dedup/README.md} (precision and recall on the labelled pairs of {@code dedup-eval}).
 *
 * @param shingleWords       words per shingle. 3 keeps a replaced word from touching more than three shingles while
 *                           two different stories on one topic still share few shingles
 * @param hashes             MinHash functions; must equal {@code bands * rowsPerBand}
 * @param bands              LSH bands: two sketches become candidates when all rows of one band agree
 * @param rowsPerBand        rows per band. 60 x 2 makes a pair a candidate with probability 1 - (1 - J^2)^60: 0.92
 *                           at Jaccard 0.2, 0.997 at 0.3, so shortened copies (Jaccard 0.2-0.5, high containment)
 *                           are found; 40 x 3 missed 15% at Jaccard 0.36. Unrelated texts (J ~0.02) are candidates 2%
 *                           of the time and the verification below rejects them
 * @param minShingles        texts with fewer shingles are only compared exactly: a few sentences are too little
 *                           evidence for "the same story"
 * @param jaccardThreshold   duplicate when the estimated Jaccard similarity of the shingle sets reaches this
 *                           (edited, re-templated, lightly translated copies)
 * @param containmentThreshold duplicate when this share of the smaller text's shingles is also in the larger
 *                           (shortened copies, copies inside a larger template)
 * @param minLengthRatio     containment only counts when the smaller text has at least this share of the larger
 *                           one's shingles: a one-paragraph teaser quoting a story is not a copy of it
 * @param maxBucketSize      most recent article ids kept per LSH bucket; a bucket shared by very many articles is
 *                           boilerplate, not a story
 * @param window             how long an article stays findable; copies arriving later start a new story
 */
public record DedupSettings(int shingleWords, int hashes, int bands, int rowsPerBand, int minShingles,
                            double jaccardThreshold, double containmentThreshold, double minLengthRatio,
                            int maxBucketSize, Duration window) {

    /** The measured defaults (see dedup/README.md). */
    public static final DedupSettings DEFAULTS = new DedupSettings(3, 120, 60, 2, 25, 0.5, 0.7, 0.2, 100,
            Duration.ofDays(14));

    public DedupSettings {
        if (shingleWords < 1 || bands < 1 || rowsPerBand < 1 || hashes != bands * rowsPerBand) {
            throw new IllegalArgumentException("need shingleWords >= 1 and hashes == bands * rowsPerBand, got "
                    + shingleWords + ", " + hashes + ", " + bands + " x " + rowsPerBand);
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive: " + window);
        }
    }

    /** These settings with another retention window. */
    public DedupSettings withWindow(Duration window) {
        return new DedupSettings(shingleWords, hashes, bands, rowsPerBand, minShingles, jaccardThreshold,
                containmentThreshold, minLengthRatio, maxBucketSize, window);
    }

    /** These settings with other decision thresholds. */
    public DedupSettings withThresholds(double jaccard, double containment, double lengthRatio) {
        return new DedupSettings(shingleWords, hashes, bands, rowsPerBand, minShingles, jaccard, containment,
                lengthRatio, maxBucketSize, window);
    }
}
