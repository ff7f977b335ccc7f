package dev.newswire.tagger.ner;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Spherical k-means over unit-length word vectors: words whose vectors point the same way share a class.
 * Classes of pretrained vectors (learned from billions of words) are features a linear tagger can use for
 * words its training data never showed it (Turian et al. 2010; Guo et al. 2014).
 *
 * <p>Deterministic: the same vectors, k, iterations and seed give the same classes whatever the number of
 * threads, because points are split into fixed chunks whose partial sums are merged in chunk order.
 */
public final class VectorClustering {

    private static final int CHUNKS = 64;
    private static final int CENTROID_TILE = 512;
    private static final int POINT_BLOCK = 32;

    private final float[] vectors;
    private final int dimensions;
    private final int count;
    private final int threads;

    /**
     * @param vectors    row-major, {@code dimensions} floats per word, each row of unit length
     * @param dimensions length of a row
     * @param threads    worker threads
     */
    public VectorClustering(float[] vectors, int dimensions, int threads) {
        this.vectors = vectors;
        this.dimensions = dimensions;
        this.count = vectors.length / dimensions;
        this.threads = threads;
    }

    /** Scales every row of {@code vectors} to unit length (rows of zeros stay zero). */
    public static void normalise(float[] vectors, int dimensions) {
        for (int base = 0; base < vectors.length; base += dimensions) {
            double sum = 0;
            for (int j = 0; j < dimensions; j++) {
                sum += (double) vectors[base + j] * vectors[base + j];
            }
            if (sum > 0) {
                float scale = (float) (1 / Math.sqrt(sum));
                for (int j = 0; j < dimensions; j++) {
                    vectors[base + j] *= scale;
                }
            }
        }
    }

    /**
     * Clusters the first {@code fitCount} rows into {@code k} classes, then assigns every row to its
     * nearest centroid.
     *
     * @return the class of every row
     */
    public int[] cluster(int k, int fitCount, int iterations, long seed) throws InterruptedException {
        float[] centroids = initialCentroids(k, fitCount, seed);
        int[] assignment = new int[count];
        for (int it = 0; it < iterations; it++) {
            assign(centroids, k, 0, fitCount, assignment);
            centroids = recompute(centroids, k, fitCount, assignment);
        }
        assign(centroids, k, 0, count, assignment);
        return assignment;
    }

    /**
     * k-means++ seeding (Arthur and Vassilvitskii 2007): the first centre is a random row, each next one a row
     * drawn with probability proportional to its distance (1 - cosine) to the nearest centre so far, so the
     * centres start spread over the data rather than several in one dense region.
     */
    private float[] initialCentroids(int k, int fitCount, long seed) throws InterruptedException {
        Random random = new Random(seed);
        float[] centroids = new float[k * dimensions];
        double[] distance = new double[fitCount];
        java.util.Arrays.fill(distance, Double.POSITIVE_INFINITY);
        int next = random.nextInt(fitCount);
        for (int c = 0; c < k; c++) {
            System.arraycopy(vectors, next * dimensions, centroids, c * dimensions, dimensions);
            int centre = next;
            List<Double> sums = runChunks(0, fitCount, (a, b) -> {
                double sum = 0;
                for (int i = a; i < b; i++) {
                    double dot = 0;
                    for (int j = 0; j < dimensions; j++) {
                        dot += vectors[i * dimensions + j] * vectors[centre * dimensions + j];
                    }
                    distance[i] = Math.min(distance[i], Math.max(0, 1 - dot));
                    sum += distance[i];
                }
                return sum;
            });
            double total = 0;
            for (double s : sums) {
                total += s;
            }
            double target = random.nextDouble() * total;
            next = fitCount - 1;
            for (int i = 0; i < fitCount; i++) {
                target -= distance[i];
                if (target < 0) {
                    next = i;
                    break;
                }
            }
        }
        return centroids;
    }

    /** Nearest centroid (largest dot product) of rows {@code from..to}, in parallel over fixed chunks. */
    private void assign(float[] centroids, int k, int from, int to, int[] assignment) throws InterruptedException {
        float[] transposed = new float[dimensions * k];
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < dimensions; j++) {
                transposed[j * k + c] = centroids[c * dimensions + j];
            }
        }
        runChunks(from, to, (a, b) -> {
            assignRange(transposed, k, a, b, assignment);
            return null;
        });
    }

    private void assignRange(float[] transposed, int k, int from, int to, int[] assignment) {
        float[] scores = new float[POINT_BLOCK * CENTROID_TILE];
        float[] best = new float[POINT_BLOCK];
        int[] arg = new int[POINT_BLOCK];
        for (int p0 = from; p0 < to; p0 += POINT_BLOCK) {
            int points = Math.min(POINT_BLOCK, to - p0);
            java.util.Arrays.fill(best, Float.NEGATIVE_INFINITY);
            for (int c0 = 0; c0 < k; c0 += CENTROID_TILE) {
                int tile = Math.min(CENTROID_TILE, k - c0);
                java.util.Arrays.fill(scores, 0f);
                for (int p = 0; p < points; p++) {
                    int row = (p0 + p) * dimensions;
                    int out = p * CENTROID_TILE;
                    for (int j = 0; j < dimensions; j++) {
                        float x = vectors[row + j];
                        int col = j * k + c0;
                        for (int c = 0; c < tile; c++) {
                            scores[out + c] += x * transposed[col + c];
                        }
                    }
                    for (int c = 0; c < tile; c++) {
                        if (scores[out + c] > best[p]) {
                            best[p] = scores[out + c];
                            arg[p] = c0 + c;
                        }
                    }
                }
            }
            for (int p = 0; p < points; p++) {
                assignment[p0 + p] = arg[p];
            }
        }
    }

    /** Mean direction of each class; an empty class takes the row least like its own centroid. */
    private float[] recompute(float[] old, int k, int fitCount, int[] assignment) throws InterruptedException {
        List<double[]> partials = runChunks(0, fitCount, (a, b) -> {
            double[] sums = new double[k * dimensions];
            for (int i = a; i < b; i++) {
                int base = assignment[i] * dimensions;
                int row = i * dimensions;
                for (int j = 0; j < dimensions; j++) {
                    sums[base + j] += vectors[row + j];
                }
            }
            return sums;
        });
        double[] sums = new double[k * dimensions];
        for (double[] partial : partials) {
            for (int i = 0; i < sums.length; i++) {
                sums[i] += partial[i];
            }
        }
        float[] centroids = new float[k * dimensions];
        boolean[] taken = new boolean[fitCount];
        for (int c = 0; c < k; c++) {
            double norm = 0;
            for (int j = 0; j < dimensions; j++) {
                norm += sums[c * dimensions + j] * sums[c * dimensions + j];
            }
            if (norm == 0) {
                int far = leastLikeItsCentroid(old, fitCount, assignment, taken);
                taken[far] = true;
                System.arraycopy(vectors, far * dimensions, centroids, c * dimensions, dimensions);
                continue;
            }
            double scale = 1 / Math.sqrt(norm);
            for (int j = 0; j < dimensions; j++) {
                centroids[c * dimensions + j] = (float) (sums[c * dimensions + j] * scale);
            }
        }
        return centroids;
    }

    private int leastLikeItsCentroid(float[] centroids, int fitCount, int[] assignment, boolean[] taken) {
        int worst = 0;
        double worstScore = Double.POSITIVE_INFINITY;
        for (int i = 0; i < fitCount; i++) {
            if (taken[i]) {
                continue;
            }
            double dot = 0;
            for (int j = 0; j < dimensions; j++) {
                dot += vectors[i * dimensions + j] * centroids[assignment[i] * dimensions + j];
            }
            if (dot < worstScore) {
                worstScore = dot;
                worst = i;
            }
        }
        return worst;
    }

    private interface ChunkTask<T> {
        T run(int from, int to);
    }

    private <T> List<T> runChunks(int from, int to, ChunkTask<T> task) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<T>> futures = new ArrayList<>();
            int size = Math.max(1, (to - from + CHUNKS - 1) / CHUNKS);
            for (int a = from; a < to; a += size) {
                int start = a;
                int end = Math.min(to, a + size);
                futures.add(pool.submit(() -> task.run(start, end)));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdown();
        }
    }
}
