-- Monthly UTM values added to the shipped rules file: from SII's yearly page when it is reachable, or typed by the
-- administrator. A month here wins over the shipped value; the rules' fingerprint changes with it, so every
-- indicator judged in pesos against UTM is judged again.
CREATE TABLE utm_month (
    month       TEXT PRIMARY KEY,                -- yyyy-mm
    pesos       INTEGER NOT NULL,
    source      TEXT NOT NULL,                   -- SII, MANUAL
    updated_at  INTEGER NOT NULL
);
