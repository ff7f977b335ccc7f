/**
 * Page sources of the ingest stage besides HTTP: HTML files ({@link dev.newswire.ingest.source.HtmlFiles}), JSON
 * lines in the ingest format or Scrapy's ({@link dev.newswire.ingest.source.JsonLinePages}) and WARC files
 * ({@link dev.newswire.ingest.source.WarcPages}). Each reads its input as a stream and hands pages and skips to a
 * {@link dev.newswire.ingest.source.PageSink}; {@link dev.newswire.ingest.source.SourcePublisher} is the one publish
 * loop behind them all (bounded sends in flight, counts, progress, acknowledgements).
 */
package dev.newswire.ingest.source;
