-- AndesOps schema. Times are epoch milliseconds (UTC instants); `day` columns are the Chile calendar day as
-- yyyymmdd. Money is kept exact as decimal text (as the API sends it) plus whole pesos in `amount_clp` for sums.

CREATE TABLE buyer (
    unit_code      TEXT PRIMARY KEY,            -- Comprador.CodigoUnidad
    unit_name      TEXT,
    unit_rut       TEXT,
    organism_code  TEXT,
    organism_name  TEXT,
    region         TEXT,
    commune        TEXT,
    address        TEXT,
    updated_at     INTEGER NOT NULL
);
CREATE INDEX buyer_organism ON buyer (organism_code);

CREATE TABLE supplier (
    code        TEXT PRIMARY KEY,               -- Proveedor.Codigo (CodigoEmpresa), or the RUT when absent
    rut         TEXT,
    name        TEXT,
    activity    TEXT,
    region      TEXT,
    commune     TEXT,
    updated_at  INTEGER NOT NULL
);
CREATE INDEX supplier_rut ON supplier (rut);

CREATE TABLE purchase_order (
    id                 INTEGER PRIMARY KEY,
    code               TEXT NOT NULL UNIQUE,
    name               TEXT,
    description        TEXT,
    state_code         INTEGER,
    state              TEXT,
    supplier_state     TEXT,
    type               TEXT,                    -- SE, CM, AG, ...
    type_code          TEXT,
    currency           TEXT,
    net_total          TEXT,
    tax                TEXT,
    total              TEXT,
    amount_clp         INTEGER,
    tender_code        TEXT,
    buyer_unit_code    TEXT,
    buyer_code         TEXT,                    -- organism code
    buyer_name         TEXT,                    -- organism name
    unit_name          TEXT,
    supplier_code      TEXT,
    supplier_name      TEXT,
    supplier_rut       TEXT,
    region             TEXT,
    payment_terms      TEXT,
    dispatch_type      TEXT,
    rating             TEXT,
    created_at         INTEGER,
    sent_at            INTEGER,
    accepted_at        INTEGER,
    cancelled_at       INTEGER,
    modified_at        INTEGER,
    day                INTEGER,
    has_detail         INTEGER NOT NULL DEFAULT 0,
    fetched_at         INTEGER NOT NULL,
    category_code      TEXT,                    -- the first item's category, for the usual-price check
    flag               TEXT                     -- why it looks unusual, null when it does not
);
CREATE INDEX po_created ON purchase_order (created_at DESC, id DESC);
CREATE INDEX po_day ON purchase_order (day, type, state_code);
CREATE INDEX po_buyer ON purchase_order (buyer_code, created_at DESC);
CREATE INDEX po_supplier ON purchase_order (supplier_code, created_at DESC);
CREATE INDEX po_tender ON purchase_order (tender_code);
CREATE INDEX po_buyer_supplier ON purchase_order (buyer_code, supplier_code);

-- What a buyer usually pays in a category (log-amount moments), kept at write time to flag unusual orders.
CREATE TABLE buyer_category_stats (
    buyer_code     TEXT NOT NULL,
    category_code  TEXT NOT NULL,
    orders         INTEGER NOT NULL,
    sum_log        REAL NOT NULL,
    sum_log_sq     REAL NOT NULL,
    PRIMARY KEY (buyer_code, category_code)
) WITHOUT ROWID;
CREATE INDEX po_detail ON purchase_order (has_detail) WHERE has_detail = 0;

CREATE TABLE order_item (
    order_id        INTEGER NOT NULL REFERENCES purchase_order (id) ON DELETE CASCADE,
    line            INTEGER NOT NULL,
    category_code   TEXT,
    category        TEXT,
    product_code    TEXT,
    product         TEXT,
    buyer_spec      TEXT,
    supplier_spec   TEXT,
    quantity        TEXT,
    unit            TEXT,
    currency        TEXT,
    net_price       TEXT,
    total           TEXT,
    PRIMARY KEY (order_id, line)
) WITHOUT ROWID;

-- Rollups kept current at write time, keyed exactly by what the Monitor groups on.
CREATE TABLE order_rollup_day (
    day         INTEGER NOT NULL,
    type        TEXT NOT NULL,
    state_code  INTEGER NOT NULL,
    region      TEXT NOT NULL,
    orders      INTEGER NOT NULL,
    amount_clp  INTEGER NOT NULL,
    PRIMARY KEY (day, type, state_code, region)
) WITHOUT ROWID;

CREATE TABLE order_rollup_hour (
    hour        INTEGER NOT NULL,               -- epoch hour (UTC)
    orders      INTEGER NOT NULL,
    amount_clp  INTEGER NOT NULL,
    PRIMARY KEY (hour)
) WITHOUT ROWID;

CREATE TABLE order_rollup_buyer (
    month       INTEGER NOT NULL,               -- yyyymm
    day         INTEGER NOT NULL,
    buyer_code  TEXT NOT NULL,
    orders      INTEGER NOT NULL,
    amount_clp  INTEGER NOT NULL,
    PRIMARY KEY (day, buyer_code)
) WITHOUT ROWID;

CREATE TABLE order_rollup_supplier (
    month          INTEGER NOT NULL,
    day            INTEGER NOT NULL,
    supplier_code  TEXT NOT NULL,
    orders         INTEGER NOT NULL,
    amount_clp     INTEGER NOT NULL,
    PRIMARY KEY (day, supplier_code)
) WITHOUT ROWID;

CREATE TABLE tender (
    id                  INTEGER PRIMARY KEY,
    code                TEXT NOT NULL UNIQUE,
    name                TEXT,
    description         TEXT,
    state_code          INTEGER,
    state               TEXT,
    type                TEXT,                   -- L1, LE, LP, ...
    type_code           INTEGER,                -- 1 pública, 2 privada
    currency            TEXT,
    estimated_amount    TEXT,
    amount_visible      INTEGER,
    amount_clp          INTEGER,
    buyer_unit_code     TEXT,
    buyer_code          TEXT,
    buyer_name          TEXT,
    unit_name           TEXT,
    region              TEXT,
    commune             TEXT,
    created_at          INTEGER,
    published_at        INTEGER,
    closes_at           INTEGER,
    forum_opens_at      INTEGER,
    forum_closes_at     INTEGER,
    answers_at          INTEGER,
    technical_opening_at INTEGER,
    economic_opening_at INTEGER,
    awarded_at          INTEGER,
    est_award_at        INTEGER,
    complaints          INTEGER,
    stages              INTEGER,
    bidders             INTEGER,
    award_act_type      INTEGER,
    award_act_number    TEXT,
    award_act_date      INTEGER,
    award_act_url       TEXT,
    contract_duration   TEXT,
    payment_modality    INTEGER,
    funding_source      TEXT,
    has_detail          INTEGER NOT NULL DEFAULT 0,
    fetched_at          INTEGER NOT NULL
);
CREATE INDEX tender_closes ON tender (closes_at);
CREATE INDEX tender_state ON tender (state_code, closes_at);
CREATE INDEX tender_buyer ON tender (buyer_code);

CREATE TABLE tender_item (
    tender_id       INTEGER NOT NULL REFERENCES tender (id) ON DELETE CASCADE,
    line            INTEGER NOT NULL,
    product_code    TEXT,
    category_code   TEXT,
    category        TEXT,
    product_name    TEXT,
    description     TEXT,
    unit            TEXT,
    quantity        TEXT,
    PRIMARY KEY (tender_id, line)
) WITHOUT ROWID;

CREATE TABLE tender_award (
    tender_id       INTEGER NOT NULL REFERENCES tender (id) ON DELETE CASCADE,
    line            INTEGER NOT NULL,
    supplier_rut    TEXT,
    supplier_name   TEXT,
    quantity        TEXT,
    unit_price      TEXT,
    PRIMARY KEY (tender_id, line)
) WITHOUT ROWID;
CREATE INDEX tender_award_supplier ON tender_award (supplier_rut);

CREATE TABLE ca_request (
    id                   INTEGER PRIMARY KEY,
    code                 TEXT NOT NULL UNIQUE,
    name                 TEXT,
    description          TEXT,
    state_id             INTEGER,
    state_code           TEXT,
    state                TEXT,
    call_state           INTEGER,
    published_at         INTEGER,
    closes_at            INTEGER,
    first_call_closes_at INTEGER,
    second_call_closes_at INTEGER,
    changed_at           INTEGER,
    cancelled_at         INTEGER,
    currency             TEXT,
    budget_type          TEXT,
    budget               TEXT,
    available_amount     TEXT,
    amount_clp           INTEGER,
    organism             TEXT,
    organism_rut         TEXT,
    unit_name            TEXT,
    region_id            INTEGER,
    region               TEXT,
    delivery_address     TEXT,
    delivery_days        INTEGER,
    offers_received      INTEGER,
    order_code           TEXT,
    cancel_reason        TEXT,
    deserted_reason      TEXT,
    has_detail           INTEGER NOT NULL DEFAULT 0,
    fetched_at           INTEGER NOT NULL
);
CREATE INDEX ca_closes ON ca_request (closes_at);
CREATE INDEX ca_state ON ca_request (state_id, closes_at);
CREATE INDEX ca_changed ON ca_request (changed_at DESC);

CREATE TABLE ca_product (
    request_id    INTEGER NOT NULL REFERENCES ca_request (id) ON DELETE CASCADE,
    line          INTEGER NOT NULL,
    product_code  TEXT,
    name          TEXT,
    description   TEXT,
    quantity      TEXT,
    unit          TEXT,
    PRIMARY KEY (request_id, line)
) WITHOUT ROWID;

CREATE TABLE ca_quote (
    request_id     INTEGER NOT NULL REFERENCES ca_request (id) ON DELETE CASCADE,
    quote_id       INTEGER NOT NULL,
    supplier_rut   TEXT,
    supplier_name  TEXT,
    supplier_code  TEXT,
    description    TEXT,
    net_total      TEXT,
    tax            TEXT,
    shipping       TEXT,
    total          TEXT,
    selected       INTEGER NOT NULL DEFAULT 0,
    state          INTEGER,
    created_at     INTEGER,
    valid_until    INTEGER,
    order_id       TEXT,
    PRIMARY KEY (request_id, quote_id)
) WITHOUT ROWID;

CREATE TABLE ca_quote_item (
    request_id    INTEGER NOT NULL,
    quote_id      INTEGER NOT NULL,
    line          INTEGER NOT NULL,
    product_code  TEXT,
    name          TEXT,
    description   TEXT,
    quantity      TEXT,
    unit_price    TEXT,
    total         TEXT,
    PRIMARY KEY (request_id, quote_id, line),
    FOREIGN KEY (request_id, quote_id) REFERENCES ca_quote (request_id, quote_id) ON DELETE CASCADE
) WITHOUT ROWID;

-- Requests spent per ticket (hashed, never stored in clear) and Chile calendar day.
CREATE TABLE api_request_ledger (
    ticket_hash   TEXT NOT NULL,
    day           TEXT NOT NULL,                -- yyyy-mm-dd, Chile
    background    INTEGER NOT NULL DEFAULT 0,
    interactive   INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (ticket_hash, day)
) WITHOUT ROWID;

CREATE TABLE sync_job (
    id            INTEGER PRIMARY KEY,
    kind          TEXT NOT NULL,                -- TODAY_ORDERS, DAY_ORDERS, DAY_TENDERS, ACTIVE_TENDERS, COMPRA_AGIL
    param         TEXT,                         -- the day (yyyy-mm-dd) or window it works on
    state         TEXT NOT NULL,                -- QUEUED, LISTING, DETAILS, DONE, FAILED
    priority      INTEGER NOT NULL DEFAULT 0,
    created_at    INTEGER NOT NULL,
    started_at    INTEGER,
    finished_at   INTEGER,
    listed        INTEGER NOT NULL DEFAULT 0,
    total         INTEGER NOT NULL DEFAULT 0,
    done          INTEGER NOT NULL DEFAULT 0,
    skipped       INTEGER NOT NULL DEFAULT 0,
    failed        INTEGER NOT NULL DEFAULT 0,
    requests      INTEGER NOT NULL DEFAULT 0,
    last_error    TEXT
);
CREATE INDEX sync_job_state ON sync_job (state, priority DESC, id);

-- The resumable work list of a job: each code's detail is fetched, stored and marked done in one transaction.
CREATE TABLE sync_task (
    job_id     INTEGER NOT NULL REFERENCES sync_job (id) ON DELETE CASCADE,
    code       TEXT NOT NULL,
    priority   INTEGER NOT NULL,                -- higher first: new, then state changed
    due        INTEGER NOT NULL DEFAULT 0,      -- then soonest first (a tender's closing time)
    reason     TEXT NOT NULL,                   -- NEW, CHANGED, MISSING
    state      TEXT NOT NULL DEFAULT 'PENDING', -- PENDING, DONE, FAILED
    attempts   INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    PRIMARY KEY (job_id, code)
) WITHOUT ROWID;
CREATE INDEX sync_task_pending ON sync_task (job_id, state, priority DESC, due);

CREATE TABLE sync_cursor (
    name   TEXT PRIMARY KEY,
    value  TEXT NOT NULL
) WITHOUT ROWID;

-- A counter per dataset, bumped in every write transaction: caches and the search index compare against it.
CREATE TABLE data_version (
    dataset  TEXT PRIMARY KEY,
    version  INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO data_version (dataset, version) VALUES ('orders', 0), ('tenders', 0), ('compra_agil', 0);
