-- Where each record came from last: 1 from ChileCompra's open-data files, 0 from the Mercado Público API (or the
-- simulator in its place). A record is simulated when its source was: with no ticket the API is the simulator, and
-- the open-data files are too unless DATOS_ABIERTOS_BASE_URL names a real host, so the mark follows the record.
ALTER TABLE purchase_order ADD COLUMN from_open_data INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tender ADD COLUMN from_open_data INTEGER NOT NULL DEFAULT 0;
ALTER TABLE ca_request ADD COLUMN from_open_data INTEGER NOT NULL DEFAULT 0;
