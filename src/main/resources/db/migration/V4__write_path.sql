-- One aggregation path: the Monitor aggregates the in-memory order columns, so the rollups kept at write time go.
DROP TABLE IF EXISTS order_rollup_day;
DROP TABLE IF EXISTS order_rollup_hour;
DROP TABLE IF EXISTS order_rollup_buyer;
DROP TABLE IF EXISTS order_rollup_supplier;
DROP TABLE IF EXISTS order_rollup_amount;

-- Every write transaction takes the next data version of its dataset (data_version) and stamps the rows it writes
-- with it: what is derived from a table (search indexes, the Monitor's columns) records the version it reflects and
-- catches up by reading the rows stamped after it.
ALTER TABLE purchase_order ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
CREATE INDEX po_version ON purchase_order (version);
ALTER TABLE tender ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
CREATE INDEX tender_version ON tender (version);
ALTER TABLE ca_request ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
CREATE INDEX ca_request_version ON ca_request (version);
