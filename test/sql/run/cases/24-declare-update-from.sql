-- case: DECLARE ... UPDATE FROM: a variable set by a query over reference rows, used in another query's filter
-- oracle: reference variableFromReference
CREATE INPUT STREAM trades (seq long, ts timestamp, sym string, price double, qty long, side string)
  WITH (FILE = 'trades.jsonl', TIMESTAMP = ts);
CREATE INPUT STREAM ref_rows (sym string, sector string, lot long) WITH (FILE = 'refs.jsonl');
DECLARE lot_max long DEFAULT 0 UPDATE FROM (SELECT max(lot) FROM ref_rows);
SELECT seq, lot_max FROM trades WHERE qty * 10 > lot_max;
