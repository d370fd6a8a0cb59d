-- /flags' coverage counts every indicator's outcomes in a period: with the outcome before the day, those counts are
-- read from the index in its order (no sort), and a signal's records (outcome F, by day) are a range of it.
DROP INDEX flag_record_day;
CREATE INDEX flag_record_outcome ON flag_record (indicator, outcome, day);
