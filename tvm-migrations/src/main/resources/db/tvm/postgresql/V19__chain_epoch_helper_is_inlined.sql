-- V19: the chain's epoch helper is inlined, as V16 meant it to be (same text, same chain).
--
-- extract(epoch FROM timestamptz) is STABLE in PostgreSQL (other fields of a timestamptz depend on TimeZone), and an
-- IMMUTABLE SQL function whose body is not immutable is never inlined. So V16's tvm_epoch_micros ran as a separate SQL
-- function call for every chained row (about 35 microseconds, measured with track_functions), and the
-- tvm_chain_field call around it was not inlined either, because its argument was that call. The epoch of the same
-- instant taken from its UTC wall-clock time is the same number, and that form is immutable.
CREATE OR REPLACE FUNCTION tvm_epoch_micros(t timestamptz) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT ((extract(epoch FROM (t AT TIME ZONE 'UTC')) * 1000000)::bigint)::text $$;
