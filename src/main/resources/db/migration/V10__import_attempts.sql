-- When the worker began its attempt at a month, cleared when the attempt ends (done, failed, or stopped with the
-- app): a month found with it set was being worked by a process that died (killed, or out of memory), and that
-- counts as a failed attempt, so a month that kills the process is failed after three, not retried for ever.
ALTER TABLE import_file ADD COLUMN working_since INTEGER;
