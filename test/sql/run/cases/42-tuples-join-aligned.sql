-- case: stranger: a SQL join of two TUPLES windows (sliding SIZE 6 ADVANCE 3 and tumbling SIZE 4): a pair matches when the earlier tuple is still in its side's aligned window when the later one arrives (files merged by event time, ties in declaration order)
-- oracle: duckdb
/* oracle
WITH t AS (SELECT *, row_number() OVER (ORDER BY seq) - 1 AS pos FROM trades),
q AS (SELECT *, row_number() OVER (ORDER BY seq) - 1 AS pos FROM quotes),
pairs AS (
  SELECT t.seq AS tseq, q.seq AS qseq, t.pos AS tpos, q.pos AS qpos, t.ts <= q.ts AS trade_first,
         (SELECT count(*) FROM trades x WHERE x.ts <= q.ts) AS trades_before,
         (SELECT count(*) FROM quotes y WHERE y.ts < t.ts) AS quotes_before
  FROM t JOIN q ON t.sym = q.sym
)
SELECT tseq, qseq FROM pairs
WHERE CASE WHEN trade_first THEN tpos >= greatest(0, (CAST(floor((trades_before - 1 - 6) / 3) AS BIGINT) + 1) * 3)
           ELSE qpos >= greatest(0, (CAST(floor((quotes_before - 1 - 4) / 4) AS BIGINT) + 1) * 4) END
*/
CREATE INPUT STREAM trades (seq long, ts timestamp, sym string, price double, qty long, side string)
  WITH (FILE = 'trades.jsonl', TIMESTAMP = 'ts');
CREATE INPUT STREAM quotes (seq long, ts timestamp, sym string, bid double)
  WITH (FILE = 'quotes.jsonl', TIMESTAMP = 'ts');
SELECT t.seq AS tseq, q.seq AS qseq
FROM trades[SIZE 6 ADVANCE 3 TUPLES] AS t JOIN quotes[SIZE 4 TUPLES] AS q ON t.sym = q.sym;
