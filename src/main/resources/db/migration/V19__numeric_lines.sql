-- Money, quantities and unit prices of the lines become numbers (NUMERIC affinity: an exact integer, or a double with
-- its 15 significant digits, more than any peso amount needs), so that the indicators and the analytics compute with
-- them in SQL instead of parsing text. The headers keep their exact text beside the whole pesos in amount_clp.
-- SQLite changes a column's type by copying the table; a table is dropped only once nothing references it (a
-- parent's drop would cascade to its children's rows), so ca_quote_item is set aside while ca_quote is copied.

CREATE TABLE order_item_n (
    order_id        INTEGER NOT NULL REFERENCES purchase_order (id) ON DELETE CASCADE,
    line            INTEGER NOT NULL,
    category_code   TEXT,
    category        TEXT,
    product_code    TEXT,
    product         TEXT,
    buyer_spec      TEXT,
    supplier_spec   TEXT,
    quantity        NUMERIC,
    unit            TEXT,
    currency        TEXT,
    net_price       NUMERIC,
    total           NUMERIC,
    PRIMARY KEY (order_id, line)
) WITHOUT ROWID;
INSERT INTO order_item_n SELECT order_id, line, category_code, category, product_code, product, buyer_spec,
    supplier_spec, quantity, unit, currency, net_price, total FROM order_item;
DROP TABLE order_item;
ALTER TABLE order_item_n RENAME TO order_item;
CREATE INDEX order_item_product ON order_item (product_code);

CREATE TABLE tender_item_n (
    tender_id       INTEGER NOT NULL REFERENCES tender (id) ON DELETE CASCADE,
    line            INTEGER NOT NULL,
    product_code    TEXT,
    category_code   TEXT,
    category        TEXT,
    product_name    TEXT,
    description     TEXT,
    unit            TEXT,
    quantity        NUMERIC,
    PRIMARY KEY (tender_id, line)
) WITHOUT ROWID;
INSERT INTO tender_item_n SELECT tender_id, line, product_code, category_code, category, product_name, description,
    unit, quantity FROM tender_item;
DROP TABLE tender_item;
ALTER TABLE tender_item_n RENAME TO tender_item;

CREATE TABLE tender_award_n (
    tender_id       INTEGER NOT NULL REFERENCES tender (id) ON DELETE CASCADE,
    line            INTEGER NOT NULL,
    supplier_rut    TEXT,
    supplier_name   TEXT,
    quantity        NUMERIC,
    unit_price      NUMERIC,
    PRIMARY KEY (tender_id, line)
) WITHOUT ROWID;
INSERT INTO tender_award_n SELECT tender_id, line, supplier_rut, supplier_name, quantity, unit_price FROM tender_award;
DROP TABLE tender_award;
ALTER TABLE tender_award_n RENAME TO tender_award;
CREATE INDEX tender_award_supplier ON tender_award (supplier_rut);

CREATE TABLE tender_offer_n (
    tender_id         INTEGER NOT NULL REFERENCES tender (id) ON DELETE CASCADE,
    line              INTEGER NOT NULL,            -- the item (Correlativo)
    supplier_code     TEXT NOT NULL,               -- CodigoProveedor, or the RUT when absent
    supplier_rut      TEXT,
    supplier_name     TEXT,
    offer_name        TEXT,
    state             TEXT,                        -- Estado Oferta: Aceptada, Rechazada, ...
    quantity          NUMERIC,
    currency          TEXT,
    unit_price        NUMERIC,
    total             NUMERIC,
    awarded_quantity  NUMERIC,
    awarded_amount    NUMERIC,
    sent_at           INTEGER,
    selected          INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (tender_id, line, supplier_code)
) WITHOUT ROWID;
INSERT INTO tender_offer_n SELECT tender_id, line, supplier_code, supplier_rut, supplier_name, offer_name, state,
    quantity, currency, unit_price, total, awarded_quantity, awarded_amount, sent_at, selected FROM tender_offer;
DROP TABLE tender_offer;
ALTER TABLE tender_offer_n RENAME TO tender_offer;
CREATE INDEX tender_offer_supplier ON tender_offer (supplier_rut);

CREATE TABLE ca_product_n (
    request_id    INTEGER NOT NULL REFERENCES ca_request (id) ON DELETE CASCADE,
    line          INTEGER NOT NULL,
    product_code  TEXT,
    name          TEXT,
    description   TEXT,
    quantity      NUMERIC,
    unit          TEXT,
    PRIMARY KEY (request_id, line)
) WITHOUT ROWID;
INSERT INTO ca_product_n SELECT request_id, line, product_code, name, description, quantity, unit FROM ca_product;
DROP TABLE ca_product;
ALTER TABLE ca_product_n RENAME TO ca_product;

CREATE TABLE ca_quote_item_kept AS SELECT * FROM ca_quote_item;
DROP TABLE ca_quote_item;
CREATE TABLE ca_quote_n (
    request_id     INTEGER NOT NULL REFERENCES ca_request (id) ON DELETE CASCADE,
    quote_id       INTEGER NOT NULL,
    supplier_rut   TEXT,
    supplier_name  TEXT,
    supplier_code  TEXT,
    description    TEXT,
    net_total      NUMERIC,
    tax            NUMERIC,
    shipping       NUMERIC,
    total          NUMERIC,
    selected       INTEGER NOT NULL DEFAULT 0,
    state          INTEGER,
    created_at     INTEGER,
    valid_until    INTEGER,
    order_id       TEXT,
    supplier_size  TEXT,
    criterion      TEXT,
    PRIMARY KEY (request_id, quote_id)
) WITHOUT ROWID;
INSERT INTO ca_quote_n SELECT request_id, quote_id, supplier_rut, supplier_name, supplier_code, description, net_total,
    tax, shipping, total, selected, state, created_at, valid_until, order_id, supplier_size, criterion FROM ca_quote;
DROP TABLE ca_quote;
ALTER TABLE ca_quote_n RENAME TO ca_quote;
CREATE INDEX ca_quote_supplier_rut ON ca_quote (supplier_rut);
CREATE TABLE ca_quote_item (
    request_id    INTEGER NOT NULL,
    quote_id      INTEGER NOT NULL,
    line          INTEGER NOT NULL,
    product_code  TEXT,
    name          TEXT,
    description   TEXT,
    quantity      NUMERIC,
    unit_price    NUMERIC,
    total         NUMERIC,
    PRIMARY KEY (request_id, quote_id, line),
    FOREIGN KEY (request_id, quote_id) REFERENCES ca_quote (request_id, quote_id) ON DELETE CASCADE
) WITHOUT ROWID;
INSERT INTO ca_quote_item SELECT request_id, quote_id, line, product_code, name, description, quantity, unit_price,
    total FROM ca_quote_item_kept;
DROP TABLE ca_quote_item_kept;
CREATE INDEX ca_quote_item_product ON ca_quote_item (product_code);

