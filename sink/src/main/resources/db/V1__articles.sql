-- Articles, one row per article id (derived from the canonical URL).
CREATE TABLE IF NOT EXISTS articles (
    id                text PRIMARY KEY,
    url               text NOT NULL,
    canonical_url     text NOT NULL,
    host              text,
    site_name         text,
    title             text,
    byline            text,
    authors           jsonb NOT NULL DEFAULT '[]',
    published_at      timestamptz,
    published_source  text,
    modified_at       timestamptz,
    language          text,
    text              text NOT NULL,
    paragraphs        jsonb NOT NULL DEFAULT '[]',
    page_kind         text,
    is_article        boolean,
    crawler           text,
    first_fetched_at  timestamptz NOT NULL,
    last_fetched_at   timestamptz NOT NULL,
    schema_version    integer NOT NULL,
    document          jsonb NOT NULL,
    stored_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS articles_published_at ON articles (published_at);
CREATE INDEX IF NOT EXISTS articles_host ON articles (host);

-- Entities of an article, one row per real-world thing.
CREATE TABLE IF NOT EXISTS article_entities (
    article_id     text NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    entity_no      integer NOT NULL,
    type           text NOT NULL,
    name           text NOT NULL,
    kb_id          text,
    salience       double precision,
    mention_count  integer NOT NULL,
    attributes     jsonb NOT NULL DEFAULT '{}',
    PRIMARY KEY (article_id, entity_no)
);
CREATE INDEX IF NOT EXISTS article_entities_name ON article_entities (name);
CREATE INDEX IF NOT EXISTS article_entities_kb_id ON article_entities (kb_id);

-- Every mention, with offsets into articles.text.
CREATE TABLE IF NOT EXISTS entity_mentions (
    article_id    text NOT NULL,
    entity_no     integer NOT NULL,
    start_offset  integer NOT NULL,
    end_offset    integer NOT NULL,
    mention       text NOT NULL,
    PRIMARY KEY (article_id, entity_no, start_offset),
    FOREIGN KEY (article_id, entity_no) REFERENCES article_entities (article_id, entity_no) ON DELETE CASCADE
);

-- The sink's consumed offsets, written in the same transaction as the articles: effectively-once.
CREATE TABLE IF NOT EXISTS sink_offsets (
    consumer_group  text NOT NULL,
    topic           text NOT NULL,
    partition       integer NOT NULL,
    next_offset     bigint NOT NULL,
    PRIMARY KEY (consumer_group, topic, partition)
);
