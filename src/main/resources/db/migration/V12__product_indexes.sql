-- A product's price reference reads its order lines and quoted lines by product code.
CREATE INDEX order_item_product ON order_item (product_code);
CREATE INDEX ca_quote_item_product ON ca_quote_item (product_code);
