-- Every offer of every tender, one per bidder and item, as the open data publishes them (the API's detail gives only
-- the awards): who bid, at what price, in what state, and whether it was selected. The red flags (single bidder,
-- a usual winner, prices far from the others') stand on this table.
CREATE TABLE tender_offer (
    tender_id         INTEGER NOT NULL REFERENCES tender (id) ON DELETE CASCADE,
    line              INTEGER NOT NULL,            -- the item (Correlativo)
    supplier_code     TEXT NOT NULL,               -- CodigoProveedor, or the RUT when absent
    supplier_rut      TEXT,
    supplier_name     TEXT,
    offer_name        TEXT,
    state             TEXT,                        -- Estado Oferta: Aceptada, Rechazada, ...
    quantity          TEXT,
    currency          TEXT,
    unit_price        TEXT,
    total             TEXT,
    awarded_quantity  TEXT,
    awarded_amount    TEXT,
    sent_at           INTEGER,
    selected          INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (tender_id, line, supplier_code)
) WITHOUT ROWID;
CREATE INDEX tender_offer_supplier ON tender_offer (supplier_rut);
