-- The secondary indexes a first history import set aside (dropped so the rows go in without them), each with the
-- statement that makes it again: recreated when the import ends, or at the next start when the process died first.
CREATE TABLE suspended_index (
    name          TEXT PRIMARY KEY,
    table_name    TEXT NOT NULL,
    definition    TEXT NOT NULL,
    suspended_at  INTEGER NOT NULL
);
