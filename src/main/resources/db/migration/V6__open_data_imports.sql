-- The monthly open-data files: one row per dataset and month, what was fetched (ETag, Last-Modified, bytes), how
-- far the import got (entry and line of the last committed batch: a restart resumes there) and what it gave.
CREATE TABLE import_file (
    dataset        TEXT NOT NULL,                -- oc, lic, cot
    month          TEXT NOT NULL,                -- yyyy-mm
    state          TEXT NOT NULL,                -- QUEUED, DOWNLOADING, IMPORTING, DONE, FAILED, MISSING
    priority       INTEGER NOT NULL DEFAULT 0,
    etag           TEXT,
    last_modified  TEXT,
    bytes          INTEGER,
    resume_entry   TEXT,                         -- the ZIP entry of the last committed batch
    resume_line    INTEGER NOT NULL DEFAULT 0,   -- its last line: rows up to it are in
    rows_read      INTEGER NOT NULL DEFAULT 0,
    records        INTEGER NOT NULL DEFAULT 0,
    rejected       INTEGER NOT NULL DEFAULT 0,
    attempts       INTEGER NOT NULL DEFAULT 0,
    queued_at      INTEGER NOT NULL,
    started_at     INTEGER,
    finished_at    INTEGER,
    last_error     TEXT,
    PRIMARY KEY (dataset, month)
);
CREATE INDEX import_file_state ON import_file (state, priority DESC, month DESC);

-- Rows an import left out, with where and why (the first thousand of each file), for the admin to download.
CREATE TABLE import_rejection (
    dataset  TEXT NOT NULL,
    month    TEXT NOT NULL,
    entry    TEXT NOT NULL,
    line     INTEGER NOT NULL,
    reason   TEXT NOT NULL,
    PRIMARY KEY (dataset, month, entry, line)
);
