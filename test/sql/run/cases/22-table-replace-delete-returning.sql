-- case: REPLACE INTO a table from one stream, DELETE ... USING another stream RETURNING the deleted rows, in merged event-time order
-- oracle: reference positionsDeletedByQuotes
-- output: closed
CREATE INPUT STREAM trades (seq long, ts timestamp, sym string, price double, qty long, side string)
  WITH (FILE = 'trades.jsonl', TIMESTAMP = ts);
CREATE INPUT STREAM quotes (seq long, ts timestamp, sym string, bid double) WITH (FILE = 'quotes.jsonl', TIMESTAMP = ts);
CREATE MEMORY TABLE positions (sym string, qty long, last_seq long, PRIMARY KEY (sym));
CREATE OUTPUT STREAM closed;
REPLACE INTO positions
  SELECT sym, CASE WHEN side = 'buy' THEN qty ELSE -qty END AS qty, seq AS last_seq FROM trades;
DELETE FROM positions USING quotes
  WHERE positions.sym = quotes.sym AND quotes.bid > 90
  RETURNING positions.sym AS sym, positions.qty AS qty, quotes.seq AS quote_seq INTO closed;
