-- The app processes on this database and which of them leads (runs the sync and the imports). Each node writes
-- its row every few seconds; a row not written for 20 s is a node that is gone. The leader is whoever holds the
-- advisory lock; this table only says so to the others.
CREATE TABLE cluster_node (
    node_id     TEXT PRIMARY KEY,
    host        TEXT NOT NULL,
    role        TEXT NOT NULL,                -- LEADER or FOLLOWER
    started_at  BIGINT NOT NULL,              -- epoch ms
    seen_at     BIGINT NOT NULL               -- epoch ms, the last heartbeat
);
