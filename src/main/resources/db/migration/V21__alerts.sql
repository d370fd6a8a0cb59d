-- Saved searches, follows and alerts. A visitor has no account: a private key (kept in a cookie, shown as a private
-- link, sent as a bearer token) owns its searches and follows. Only its hash is stored; a new key takes everything
-- over and the old one stops working (replaced_by).
CREATE TABLE alert_key (
    id           TEXT PRIMARY KEY,
    secret_hash  TEXT NOT NULL UNIQUE,
    feed_token   TEXT NOT NULL UNIQUE,             -- the visitor's feed and calendar: private, revoked with the key
    locale       TEXT NOT NULL,                    -- the language of its mails
    created_at   INTEGER NOT NULL,
    replaced_at  INTEGER
);

-- An address attached by double opt-in: confirmed_at stays empty until the single-use link is followed.
CREATE TABLE mail_address (
    id            TEXT PRIMARY KEY,
    key_id        TEXT NOT NULL REFERENCES alert_key (id) ON DELETE CASCADE,
    address       TEXT NOT NULL,
    created_at    INTEGER NOT NULL,
    confirmed_at  INTEGER,
    follow_mail   INTEGER NOT NULL DEFAULT 1,      -- the key's follows' events are mailed here too (until unsubscribed)
    UNIQUE (key_id, address)
);

-- A named filter of one dataset, stored in the address form of its screen (q=...&estado=...). Only changes stamped
-- after since_version alert, so neither the history already stored nor a later import floods anyone.
CREATE TABLE saved_search (
    id             TEXT PRIMARY KEY,
    key_id         TEXT NOT NULL REFERENCES alert_key (id) ON DELETE CASCADE,
    name           TEXT NOT NULL,
    dataset        TEXT NOT NULL,
    query          TEXT NOT NULL,
    feed_token     TEXT NOT NULL UNIQUE,
    address_id     TEXT REFERENCES mail_address (id) ON DELETE SET NULL,
    mail           TEXT NOT NULL,                  -- NONE, PENDING (not confirmed), ON, OFF (unsubscribed)
    digest         TEXT NOT NULL,                  -- IMMEDIATE, DAILY, WEEKLY
    digest_hour    INTEGER NOT NULL,               -- Chile time
    last_digest_at INTEGER,
    created_at     INTEGER NOT NULL,
    since_version  INTEGER NOT NULL
);
CREATE INDEX saved_search_key ON saved_search (key_id);
CREATE INDEX saved_search_dataset ON saved_search (dataset, id);

-- A followed tender, Compra Ágil request, buyer or supplier; `seen` is what was last told of a record (its state,
-- closing date, award...), so only a real change alerts; `sequence` numbers the calendar event's real changes.
CREATE TABLE follow (
    id             TEXT PRIMARY KEY,
    key_id         TEXT NOT NULL REFERENCES alert_key (id) ON DELETE CASCADE,
    kind           TEXT NOT NULL,                  -- TENDER, COMPRA_AGIL, BUYER, SUPPLIER
    code           TEXT NOT NULL,
    label          TEXT,
    seen           TEXT,
    sequence       INTEGER NOT NULL DEFAULT 0,
    created_at     INTEGER NOT NULL,
    since_version  INTEGER NOT NULL,
    UNIQUE (key_id, kind, code)
);
CREATE INDEX follow_code ON follow (kind, code);

-- What happened that a search or a follow asked about: one row per record entering a search, or per event of a
-- followed record at one data version (the unique keys make a match happen once, whatever restarts or fails over).
CREATE TABLE alert (
    id          INTEGER PRIMARY KEY,
    key_id      TEXT NOT NULL REFERENCES alert_key (id) ON DELETE CASCADE,
    search_id   TEXT REFERENCES saved_search (id) ON DELETE CASCADE,
    follow_id   TEXT REFERENCES follow (id) ON DELETE CASCADE,
    dataset     TEXT NOT NULL,
    code        TEXT NOT NULL,
    title       TEXT,
    event       TEXT NOT NULL,
    args        TEXT,                              -- JSON: what the event says (old and new date, winners...)
    version     INTEGER NOT NULL,
    created_at  INTEGER NOT NULL,
    seen_at     INTEGER,
    mailed      INTEGER NOT NULL DEFAULT 0         -- 0 to mail (when its search mails), 1 mailed or not to be
);
CREATE UNIQUE INDEX alert_search_once ON alert (search_id, code) WHERE search_id IS NOT NULL;
CREATE UNIQUE INDEX alert_follow_once ON alert (follow_id, code, event, version) WHERE follow_id IS NOT NULL;
CREATE INDEX alert_key_new ON alert (key_id, id);
CREATE INDEX alert_to_mail ON alert (search_id, mailed) WHERE mailed = 0;

-- Single-use, expiring links (address confirmation, unsubscription): only their hash is kept.
CREATE TABLE mail_token (
    token_hash  TEXT PRIMARY KEY,
    purpose     TEXT NOT NULL,                     -- CONFIRM, UNSUBSCRIBE
    address_id  TEXT NOT NULL REFERENCES mail_address (id) ON DELETE CASCADE,
    search_id   TEXT REFERENCES saved_search (id) ON DELETE CASCADE,
    expires_at  INTEGER NOT NULL,
    used_at     INTEGER
);

-- Every mail before it is sent and after: retried with backoff, failures kept for the administration page.
CREATE TABLE mail_outbox (
    id           INTEGER PRIMARY KEY,
    address_id   TEXT REFERENCES mail_address (id) ON DELETE CASCADE,
    search_id    TEXT REFERENCES saved_search (id) ON DELETE SET NULL,
    to_address   TEXT,                             -- only for the administrator's test mail
    kind         TEXT NOT NULL,                    -- CONFIRM, ALERTS, DIGEST, TEST
    subject      TEXT NOT NULL,
    body_text    TEXT NOT NULL,
    body_html    TEXT NOT NULL,
    unsubscribe  TEXT,                             -- the one-click address (RFC 8058)
    alert_ids    TEXT,                             -- the alerts it tells of: mailed again if it finally fails
    state        TEXT NOT NULL,                    -- QUEUED, SENT, FAILED
    attempts     INTEGER NOT NULL DEFAULT 0,
    next_at      INTEGER NOT NULL,
    last_error   TEXT,
    created_at   INTEGER NOT NULL,
    sent_at      INTEGER
);
CREATE INDEX mail_outbox_due ON mail_outbox (state, next_at);
CREATE INDEX mail_outbox_address ON mail_outbox (address_id, created_at);
