-- case: stranger: LIMIT without a window stops the query after n rows (the first n in event-time order)
-- oracle: duckdb
/* oracle
SELECT seq, usr FROM events WHERE kind = 'buy' ORDER BY seq LIMIT 7
*/
CREATE INPUT STREAM events (seq long, ts timestamp, usr string, kind string, city string, amount double)
  WITH (FILE = 'events.jsonl', TIMESTAMP = 'ts');
SELECT seq, usr FROM events WHERE kind = 'buy' LIMIT 7;
