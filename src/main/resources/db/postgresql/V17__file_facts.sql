-- What only the open-data files say of a record, which the integrity indicators read: how an order came to be
-- (ProcedenciaOC, EsTratoDirecto, EsCompraAgil, Codigo_ConvenioMarco), how a tender was called (TipoConvocatoria,
-- ExtensionPlazo, CriteriosEvaluacion), and of a Compra Ágil quote the supplier's size (Tamano) and the buyer's
-- stated reason for its choice (NombreCriterio). NULL where the record came from the API alone: the API does not say.
ALTER TABLE purchase_order ADD COLUMN origin TEXT;
ALTER TABLE purchase_order ADD COLUMN direct_award INTEGER;
ALTER TABLE purchase_order ADD COLUMN compra_agil INTEGER;
ALTER TABLE purchase_order ADD COLUMN framework_code TEXT;
ALTER TABLE tender ADD COLUMN open_call INTEGER;
ALTER TABLE tender ADD COLUMN time_extension INTEGER;
ALTER TABLE tender ADD COLUMN criteria TEXT;
ALTER TABLE ca_quote ADD COLUMN supplier_size TEXT;
ALTER TABLE ca_quote ADD COLUMN criterion TEXT;

-- The months already imported are read again, from their first line and without a conditional download, so that
-- these columns fill without anyone asking: the import re-writes each record as the file has it.
UPDATE import_file SET state = 'QUEUED', resume_entry = NULL, resume_line = 0, etag = NULL, last_modified = NULL,
    attempts = 0 WHERE state = 'DONE';
