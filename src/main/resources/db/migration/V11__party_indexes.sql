-- The profiles of buyers and suppliers find Compra Ágil requests by their organism's RUT and quotes by the
-- supplier's RUT (orders and offers have their indexes already).
CREATE INDEX ca_request_organism_rut ON ca_request (organism_rut);
CREATE INDEX ca_quote_supplier_rut ON ca_quote (supplier_rut);
