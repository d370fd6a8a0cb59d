-- Money, quantities and unit prices of the lines become numbers, so that the indicators and the analytics compute
-- with them in SQL instead of parsing text. The headers keep their exact text beside the whole pesos in amount_clp.
-- The writers wrote plain decimals (BigDecimal.toPlainString); anything else would become NULL rather than fail.
CREATE FUNCTION andesops_numeric(v TEXT) RETURNS NUMERIC LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN v ~ '^\s*-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?\s*$' THEN v::numeric END
$$;

ALTER TABLE order_item
    ALTER COLUMN quantity TYPE NUMERIC USING andesops_numeric(quantity),
    ALTER COLUMN net_price TYPE NUMERIC USING andesops_numeric(net_price),
    ALTER COLUMN total TYPE NUMERIC USING andesops_numeric(total);
ALTER TABLE tender_item
    ALTER COLUMN quantity TYPE NUMERIC USING andesops_numeric(quantity);
ALTER TABLE tender_award
    ALTER COLUMN quantity TYPE NUMERIC USING andesops_numeric(quantity),
    ALTER COLUMN unit_price TYPE NUMERIC USING andesops_numeric(unit_price);
ALTER TABLE tender_offer
    ALTER COLUMN quantity TYPE NUMERIC USING andesops_numeric(quantity),
    ALTER COLUMN unit_price TYPE NUMERIC USING andesops_numeric(unit_price),
    ALTER COLUMN total TYPE NUMERIC USING andesops_numeric(total),
    ALTER COLUMN awarded_quantity TYPE NUMERIC USING andesops_numeric(awarded_quantity),
    ALTER COLUMN awarded_amount TYPE NUMERIC USING andesops_numeric(awarded_amount);
ALTER TABLE ca_product
    ALTER COLUMN quantity TYPE NUMERIC USING andesops_numeric(quantity);
ALTER TABLE ca_quote
    ALTER COLUMN net_total TYPE NUMERIC USING andesops_numeric(net_total),
    ALTER COLUMN tax TYPE NUMERIC USING andesops_numeric(tax),
    ALTER COLUMN shipping TYPE NUMERIC USING andesops_numeric(shipping),
    ALTER COLUMN total TYPE NUMERIC USING andesops_numeric(total);
ALTER TABLE ca_quote_item
    ALTER COLUMN quantity TYPE NUMERIC USING andesops_numeric(quantity),
    ALTER COLUMN unit_price TYPE NUMERIC USING andesops_numeric(unit_price),
    ALTER COLUMN total TYPE NUMERIC USING andesops_numeric(total);
DROP FUNCTION andesops_numeric(TEXT);

