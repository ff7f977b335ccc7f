/**
 * Crawler input formats: WARC files (wget, Heritrix, Browsertrix…) and Scrapy-style JSON lines, read as streams and
 * published to news.raw through the ingest stage's idempotent {@code PagePublisher}.
 */
package dev.newswire.crawl;
