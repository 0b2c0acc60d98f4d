-- case: intermediate streams chaining queries, and UNION of two of them
-- oracle: duckdb
-- output: out
/* oracle
SELECT sym, price FROM trades WHERE qty > 15
UNION ALL
SELECT sym, bid FROM quotes WHERE bid > 90
*/
CREATE INPUT STREAM trades (seq long, ts timestamp, sym string, price double, qty long, side string)
  WITH (FILE = 'trades.jsonl', TIMESTAMP = ts);
CREATE INPUT STREAM quotes (seq long, ts timestamp, sym string, bid double) WITH (FILE = 'quotes.jsonl', TIMESTAMP = ts);
SELECT sym, price FROM trades WHERE qty > 15 INTO big_trades;
SELECT sym, bid AS price FROM quotes WHERE bid > 90 INTO high_quotes;
CREATE OUTPUT STREAM out;
big_trades UNION high_quotes INTO out;
