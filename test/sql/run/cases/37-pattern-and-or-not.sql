-- case: stranger: PATTERN with AND (either order), OR (the other side's fields NULL), THEN NOT ... THEN (nothing in between) and a trailing NOT (nothing until WITHIN runs out), WITHIN v ON a long field
-- oracle: duckdb
-- output: m
/* file qa_ev.jsonl
{"u":"a","k":"login","t":1}
{"u":"a","k":"view","t":2}
{"u":"b","k":"login","t":3}
{"u":"a","k":"buy","t":4}
{"u":"b","k":"logout","t":5}
{"u":"b","k":"buy","t":6}
{"u":"c","k":"buy","t":7}
{"u":"c","k":"login","t":8}
{"u":"a","k":"login","t":9}
{"u":"a","k":"buy","t":15}
{"u":"b","k":"login","t":16}
{"u":"b","k":"view","t":20}
{"u":"a","k":"buy","t":30}
{"u":"a","k":"login","t":31}
*/
/* oracle
WITH ev AS (SELECT * FROM read_json('$DIR/qa_ev.jsonl', columns = {u: 'VARCHAR', k: 'VARCHAR', t: 'BIGINT'}))
SELECT 'and', x.u, x.t, y.t FROM ev x, ev y WHERE x.k = 'login' AND y.k = 'buy' AND x.u = y.u AND abs(x.t - y.t) <= 10
UNION ALL
SELECT 'or', x.u, x.t, NULL FROM ev x, ev y WHERE x.k = 'view' AND y.k = 'buy' AND y.t > x.t AND y.t - x.t <= 10
UNION ALL
SELECT 'or', z.u, NULL, z.t FROM ev z, ev y WHERE z.k = 'logout' AND y.k = 'buy' AND y.t > z.t AND y.t - z.t <= 10
UNION ALL
SELECT 'then-not', x.u, x.t, y.t FROM ev x, ev y WHERE x.k = 'login' AND y.k = 'buy' AND x.u = y.u AND y.t > x.t AND y.t - x.t <= 10
  AND NOT EXISTS (SELECT 1 FROM ev n WHERE n.k = 'logout' AND n.u = x.u AND n.t > x.t AND n.t < y.t)
UNION ALL
SELECT 'no-buy', x.u, x.t, NULL FROM ev x WHERE x.k = 'login'
  AND NOT EXISTS (SELECT 1 FROM ev n WHERE n.k = 'buy' AND n.u = x.u AND n.t > x.t AND n.t - x.t <= 10)
*/
CREATE INPUT STREAM ev (u string, k string, t long) WITH (FILE = 'qa_ev.jsonl', TIMESTAMP = 't');
CREATE OUTPUT STREAM m (what string, u string, t1 long, t2 long);
-- a login and a buy of the same user, in either order
SELECT 'and' AS what, x.u, x.t AS t1, y.t AS t2 FROM PATTERN ev AS x AND ev AS y WITHIN 10 ON t
  WHERE x.k = 'login' AND y.k = 'buy' AND x.u = y.u INTO m;
-- a view or a logout, then any buy
SELECT 'or' AS what, coalesce(x.u, z.u) AS u, x.t AS t1, z.t AS t2 FROM PATTERN (ev AS x OR ev AS z) THEN ev AS y WITHIN 10 ON t
  WHERE x.k = 'view' AND z.k = 'logout' AND y.k = 'buy' INTO m;
-- a login then a buy with no logout of that user in between
SELECT 'then-not' AS what, x.u, x.t AS t1, y.t AS t2 FROM PATTERN ev AS x THEN NOT ev AS n THEN ev AS y WITHIN 10 ON t
  WHERE x.k = 'login' AND y.k = 'buy' AND x.u = y.u AND n.k = 'logout' AND n.u = x.u INTO m;
-- a login not followed by a buy within 10
SELECT 'no-buy' AS what, x.u, x.t AS t1, CAST(NULL AS long) AS t2 FROM PATTERN ev AS x THEN NOT ev AS n WITHIN 10 ON t
  WHERE x.k = 'login' AND n.k = 'buy' AND n.u = x.u INTO m;
