-- Derived data follows the data versions: each follower (the indicators here; the alert matcher next) records, per
-- dataset, the version it reflects, and catches up from it after a commit, a restart or a crash alike.
CREATE TABLE derived_version (
    follower  TEXT NOT NULL,
    dataset   TEXT NOT NULL,
    version   INTEGER NOT NULL,
    rules     TEXT,                               -- what it was computed under (the indicators: the rules' fingerprint)
    PRIMARY KEY (follower, dataset)
);

-- Every record each integrity indicator judged, and how: fired (F), clear (C), or not judged and why (N:reason). A
-- record an indicator does not apply to has no row. Coverage, rates by month and the records behind every figure are
-- read from here; `day` is the record's own date (yyyymmdd), the one its rules are taken on.
CREATE TABLE flag_record (
    indicator    TEXT NOT NULL,
    record_code  TEXT NOT NULL,
    day          INTEGER NOT NULL,
    outcome      TEXT NOT NULL,
    buyer_code   TEXT,
    supplier     TEXT,                            -- the supplier concerned, as its RUT when known
    score        REAL,                            -- how far past the line (a ratio, a count): the most first
    evidence     TEXT,                            -- JSON: the figures and records that make the case
    PRIMARY KEY (indicator, record_code)
);
CREATE INDEX flag_record_day ON flag_record (indicator, day, outcome);
CREATE INDEX flag_record_code ON flag_record (record_code);
CREATE INDEX flag_record_buyer ON flag_record (buyer_code, day) WHERE outcome = 'F';
CREATE INDEX flag_record_supplier ON flag_record (supplier, day) WHERE outcome = 'F';
