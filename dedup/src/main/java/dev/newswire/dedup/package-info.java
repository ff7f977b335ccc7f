/**
 * Near-duplicate detection of articles: exact fingerprints of the normalised text, MinHash signatures over word
 * shingles with LSH banding for candidates, and a story assigner that gives every article a story id. Plain Java:
 * the enrich topology keeps the index in Kafka Streams state stores through a store interface.
 */
package dev.newswire.dedup;
