-- Story grouping: copies of one wire story share a story id; a copy names the first-seen article.
ALTER TABLE articles ADD COLUMN IF NOT EXISTS story_id text;
ALTER TABLE articles ADD COLUMN IF NOT EXISTS duplicate_of text;
CREATE INDEX IF NOT EXISTS articles_story_id ON articles (story_id);
