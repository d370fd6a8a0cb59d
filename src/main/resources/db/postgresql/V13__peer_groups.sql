-- A buyer's peer group is its sector as the open-data files name it (Municipalidades, Salud, FFAA, ...); the API
-- does not give one, so it is kept from the files and never erased by an API update.
ALTER TABLE buyer ADD COLUMN sector TEXT;
-- A supplier's position among the suppliers of its main category reads that category's orders in the period.
CREATE INDEX po_category_day ON purchase_order (category_code, day);
