-- The article's text, paragraphs and document are stored out of line without compression (STORAGE EXTERNAL).
-- PostgreSQL compresses a large value with pglz on every write; for an article (12.5 KB of text, 13 KB of paragraphs
-- and a 35 KB document on average on the extraction dev set) that was about 1.5 of the 7-11 ms of server CPU its
-- insert took, measured on the embedded PostgreSQL 14 (which has no lz4). The cost: the articles table and its
-- TOAST take about 1.7 times the disk (162 MB instead of 97 MB for 2,000 dev-set articles). Rows written before
-- this script keep their compressed values; reading either kind is the same to every query.
ALTER TABLE articles ALTER COLUMN text SET STORAGE EXTERNAL,
    ALTER COLUMN paragraphs SET STORAGE EXTERNAL,
    ALTER COLUMN document SET STORAGE EXTERNAL;
