-- What the language models cost per Chile day: narratives started (a cancelled one counts) and tokens reported,
-- so the daily budget holds across restarts.
CREATE TABLE ai_usage (
    day                TEXT PRIMARY KEY,             -- yyyy-mm-dd, Chile
    calls              INTEGER NOT NULL DEFAULT 0,
    prompt_tokens      INTEGER NOT NULL DEFAULT 0,
    completion_tokens  INTEGER NOT NULL DEFAULT 0
);
