-- Analyses: the facts they stood on and the narrative a language model wrote from them, cached by
-- (kind, subject, facts version, model); the id is the token of the shareable link.
CREATE TABLE analysis (
    id                 TEXT PRIMARY KEY,
    kind               TEXT NOT NULL,
    subject            TEXT NOT NULL,
    data_version       TEXT NOT NULL,            -- hash of the facts: new data that changes them makes a new analysis
    model              TEXT NOT NULL,            -- 'facts' when no language model took part
    provider           TEXT,
    facts_json         TEXT NOT NULL,
    narrative          TEXT,
    verdict_json       TEXT,
    prompt_tokens      INTEGER,
    completion_tokens  INTEGER,
    tokens_estimated   INTEGER NOT NULL DEFAULT 0,
    millis             INTEGER,
    created_at         INTEGER NOT NULL,
    UNIQUE (kind, subject, data_version, model)
);

-- Who competes in a category: the tender and market analyses group a year of orders by category.
CREATE INDEX po_category ON purchase_order (category_code, created_at);
