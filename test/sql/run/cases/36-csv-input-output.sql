-- case: stranger: a CSV file with a header (quoted column name with a space, quoted commas and "" escapes, empty = NULL, "" = empty string, ISO and epoch-ms times, a bad number), windowed by the quoted TIMESTAMP column, written to a CSV output
-- oracle: duckdb
-- output: summary
-- errors: GALE_ERR_RUNTIME_BAD_RECORD 1
/* file qa_prices.csv
sym,price,qty,"trade time",note
ACME,10.5,3,2024-01-01T00:00:01Z,"hello, world"
ACME,,4,2024-01-01T00:00:02Z,""
XYZ,7,,2024-01-01T00:00:05Z,plain
XYZ,8.25,2,2024-01-01T00:00:11Z,"say ""hi"""
ACME,abc,1,2024-01-01T00:00:12Z,bad
ACME,12,1,1704067215000,epoch
*/
/* oracle
WITH raw AS (SELECT * FROM read_csv('$DIR/qa_prices.csv', header = true, all_varchar = true, allow_quoted_nulls = false)),
p AS (
  SELECT sym, CAST(price AS DOUBLE) AS price, CAST(qty AS INTEGER) AS qty, note,
         coalesce(TRY_CAST("trade time" AS BIGINT), epoch_ms(CAST("trade time" AS TIMESTAMPTZ))) AS ts
  FROM raw WHERE price IS NULL OR TRY_CAST(price AS DOUBLE) IS NOT NULL
)
SELECT sym, count(*), sum(price * qty), count(note), sum(length(note)), (ts // 10000) * 10000 FROM p GROUP BY sym, ts // 10000
*/
CREATE INPUT STREAM prices (sym string, price double, qty int, "trade time" timestamp, note string)
  WITH (FILE = 'qa_prices.csv', FORMAT = csv, TIMESTAMP = 'trade time');
CREATE OUTPUT STREAM summary (sym string, n long, total double, notes long, note_chars long, ws timestamp)
  WITH (FILE = 'qa_summary.csv', FORMAT = csv);
SELECT sym, count(*) AS n, sum(price * qty) AS total, count(note) AS notes, sum(length(note)) AS note_chars,
       window_start() AS ws
  FROM prices[SIZE 10 ON "trade time"] GROUP BY sym INTO summary;
