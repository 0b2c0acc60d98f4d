-- case: stranger: a BTREE memory table: INSERT ... ON DUPLICATE KEY UPDATE, UPDATE USING, DELETE USING, each RETURNING into one stream; a NULL key goes to the error stream; a LEFT lookup sees the table as it is then
-- oracle: duckdb
-- output: log
-- errors: GALE_ERR_RUNTIME_NULL_KEY 1
/* file qa_fills.jsonl
{"sym":"A","qty":10,"px":1.5,"t":1}
{"sym":"B","qty":5,"px":2.0,"t":2}
{"sym":"A","qty":-4,"px":1.6,"t":3}
{"sym":null,"qty":1,"px":1.0,"t":4}
{"sym":"C","qty":7,"px":3.0,"t":5}
{"sym":"A","qty":1,"px":1.0,"t":13}
*/
/* file qa_adj.jsonl
{"sym":"A","factor":2,"t":6}
{"sym":"Z","factor":3,"t":7}
{"sym":"C","factor":3,"t":8}
*/
/* file qa_cls.jsonl
{"sym":"B","t":9}
{"sym":"C","t":10}
{"sym":"Q","t":11}
*/
/* file qa_probe.jsonl
{"sym":"A","t":12}
{"sym":"B","t":12}
{"sym":"C","t":14}
*/
/* oracle
WITH fills AS (SELECT * FROM read_json('$DIR/qa_fills.jsonl', columns = {sym: 'VARCHAR', qty: 'BIGINT', px: 'DOUBLE', t: 'BIGINT'})),
adj AS (SELECT * FROM read_json('$DIR/qa_adj.jsonl', columns = {sym: 'VARCHAR', factor: 'BIGINT', t: 'BIGINT'})),
cls AS (SELECT * FROM read_json('$DIR/qa_cls.jsonl', columns = {sym: 'VARCHAR', t: 'BIGINT'})),
probe AS (SELECT * FROM read_json('$DIR/qa_probe.jsonl', columns = {sym: 'VARCHAR', t: 'BIGINT'})),
-- the table's qty for sym just before time t (each adjustment here scales every fill before it)
qty_at AS (SELECT s.sym, s.t, (SELECT sum(qty) FROM fills f WHERE f.sym = s.sym AND f.t < s.t)
                           * coalesce((SELECT product(factor) FROM adj a WHERE a.sym = s.sym AND a.t < s.t), 1) AS qty
           FROM (SELECT sym, t FROM adj UNION ALL SELECT sym, t FROM cls UNION ALL SELECT sym, t FROM probe) s),
deleted_at AS (SELECT sym, t FROM cls WHERE (SELECT qty FROM qty_at q WHERE q.sym = cls.sym AND q.t = cls.t) IS NOT NULL)
SELECT 'ins', f.sym, coalesce((SELECT sum(qty) FROM fills g WHERE g.sym = f.sym AND g.t < f.t)
                          * coalesce((SELECT product(factor) FROM adj a WHERE a.sym = f.sym AND a.t < f.t), 1), 0) + f.qty
  FROM fills f WHERE f.sym IS NOT NULL
UNION ALL
SELECT 'upd', a.sym, q.qty * a.factor FROM adj a JOIN qty_at q ON q.sym = a.sym AND q.t = a.t WHERE q.qty IS NOT NULL
UNION ALL
SELECT 'del', c.sym, q.qty FROM deleted_at c JOIN qty_at q ON q.sym = c.sym AND q.t = c.t
UNION ALL
SELECT 'probe', p.sym, CASE WHEN EXISTS (SELECT 1 FROM deleted_at d WHERE d.sym = p.sym AND d.t < p.t) THEN NULL ELSE q.qty END
  FROM probe p JOIN qty_at q ON q.sym = p.sym AND q.t = p.t
*/
CREATE INPUT STREAM fills (sym string, qty long, px double, t long) WITH (FILE = 'qa_fills.jsonl', TIMESTAMP = 't');
CREATE INPUT STREAM adj (sym string, factor long, t long) WITH (FILE = 'qa_adj.jsonl', TIMESTAMP = 't');
CREATE INPUT STREAM cls (sym string, t long) WITH (FILE = 'qa_cls.jsonl', TIMESTAMP = 't');
CREATE INPUT STREAM probe (sym string, t long) WITH (FILE = 'qa_probe.jsonl', TIMESTAMP = 't');
CREATE OUTPUT STREAM log (op string, sym string, qty long);
CREATE MEMORY TABLE pos (sym string, qty long, cost double, PRIMARY KEY (sym) USING BTREE);
INSERT INTO pos SELECT sym, qty, qty * px AS cost FROM fills
  ON DUPLICATE KEY UPDATE qty = pos.qty + qty, cost = pos.cost + cost
  RETURNING 'ins' AS op, sym, qty INTO log;
UPDATE pos USING adj AS a SET qty = pos.qty * a.factor WHERE pos.sym = a.sym
  RETURNING 'upd' AS op, pos.sym, pos.qty INTO log;
DELETE FROM pos USING cls WHERE pos.sym = cls.sym RETURNING 'del' AS op, pos.sym, pos.qty INTO log;
SELECT 'probe' AS op, p.sym, t.qty FROM probe AS p LEFT JOIN pos AS t ON p.sym = t.sym INTO log;
