-- case: a window ON the event-time field of an intermediate stream (event time carried through a projection)
-- oracle: duckdb
/* oracle
SELECT sym, sum(notional), count(*), (ts // 15000) * 15000 + 15000 FROM (
  SELECT sym, price * qty AS notional, ts FROM trades WHERE side = 'buy'
) GROUP BY sym, ts // 15000 HAVING sum(notional) > 500
*/
CREATE INPUT STREAM trades (seq long, ts timestamp, sym string, price double, qty long, side string)
  WITH (FILE = 'trades.jsonl', TIMESTAMP = ts);
SELECT sym, price * qty AS notional, ts AS at FROM trades WHERE side = 'buy' INTO buys;
SELECT sym, sum(notional) AS total, count(*) AS n, window_end() AS we
FROM buys[SIZE 15 ADVANCE 15 ON at]
GROUP BY sym
HAVING sum(notional) > 500;
