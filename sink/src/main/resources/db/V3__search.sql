-- Full-text and entity search over the stored articles.

-- The text search configuration of an article's language (ISO 639-1) where this PostgreSQL has one, else simple.
-- Built from the configurations the server really has (PostgreSQL 16 adds armenian, basque, catalan, hindi and
-- yiddish), so the function never names one that does not exist. Immutable: it feeds a generated column.
DO $$
DECLARE
    pairs text[] := ARRAY['ar:arabic', 'hy:armenian', 'eu:basque', 'ca:catalan', 'da:danish', 'nl:dutch',
        'en:english', 'fi:finnish', 'fr:french', 'de:german', 'el:greek', 'hi:hindi', 'hu:hungarian',
        'id:indonesian', 'ga:irish', 'it:italian', 'lt:lithuanian', 'ne:nepali', 'no:norwegian', 'nb:norwegian',
        'nn:norwegian', 'pt:portuguese', 'ro:romanian', 'ru:russian', 'sr:serbian', 'es:spanish', 'sv:swedish',
        'ta:tamil', 'tr:turkish', 'yi:yiddish'];
    pair text;
    cases text := '';
BEGIN
    FOREACH pair IN ARRAY pairs LOOP
        IF EXISTS (SELECT 1 FROM pg_catalog.pg_ts_config c JOIN pg_catalog.pg_namespace n ON n.oid = c.cfgnamespace
                   WHERE n.nspname = 'pg_catalog' AND c.cfgname = split_part(pair, ':', 2)) THEN
            cases := cases || format(' WHEN %L THEN %L::regconfig', split_part(pair, ':', 1),
                                     'pg_catalog.' || split_part(pair, ':', 2));
        END IF;
    END LOOP;
    EXECUTE 'CREATE OR REPLACE FUNCTION newswire_ts_config(language text) RETURNS regconfig '
        || 'LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $f$ SELECT CASE lower(language)' || cases
        || ' ELSE ''pg_catalog.simple''::regconfig END $f$';
END
$$;

-- OR of text queries, for a query over articles of several languages (each language's stemming).
CREATE AGGREGATE newswire_tsquery_or(tsquery) (SFUNC = tsquery_or, STYPE = tsquery);

-- Title (weight A) and the first 100,000 characters of the text (weight B; a tsvector is limited to 1 MB, and no
-- article is that long), in the article's language. Computed by PostgreSQL on every write: the sink's statements
-- do not change.
ALTER TABLE articles ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector(newswire_ts_config(language), coalesce(title, '')), 'A')
    || setweight(to_tsvector(newswire_ts_config(language), left(coalesce(text, ''), 100000)), 'B')) STORED;
CREATE INDEX articles_search ON articles USING gin (search_vector);

-- Newest first without a text query (keyset pagination on this order); articles without a date last.
CREATE INDEX articles_recent ON articles ((coalesce(published_at, '-infinity'::timestamptz)) DESC, id DESC);
CREATE INDEX articles_language ON articles (language);

-- Entity filters: every article's entities as keys, from the stored document (the sink's statements do not change):
-- the canonical name lower-cased, the id, each also prefixed with the type ('PERSON:kim jong un',
-- 'PERSON:wikidata:Q56226'), and 'type:PERSON'. With a GIN index, a text query with an entity filter is the AND of
-- two index scans on articles, whatever the entity's frequency.
CREATE FUNCTION newswire_entity_keys(document jsonb) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT coalesce(array_agg(DISTINCT k ORDER BY k), '{}')
    FROM jsonb_array_elements(CASE WHEN jsonb_typeof(document -> 'entities') = 'array'
                                   THEN document -> 'entities' ELSE '[]' END) AS e,
         unnest(ARRAY[lower(e ->> 'name'), (e ->> 'type') || ':' || lower(e ->> 'name'), e ->> 'id',
                      (e ->> 'type') || ':' || (e ->> 'id'), 'type:' || (e ->> 'type')]) AS k
    WHERE k IS NOT NULL
$$;
ALTER TABLE articles ADD COLUMN entity_keys text[] GENERATED ALWAYS AS (newswire_entity_keys(document)) STORED;
CREATE INDEX articles_entity_keys ON articles USING gin (entity_keys);

-- Timelines: an entity's rows by canonical name in any case (ids use article_entities_kb_id).
CREATE INDEX article_entities_lower_name ON article_entities (lower(name));
