-- Filters, projections, aggregates, windows, ORDER BY / LIMIT, INTO, UNION.
CREATE INPUT STREAM trades (symbol string, price double, qty int, ts timestamp) WITH (TIMESTAMP = 'ts');
CREATE INPUT STREAM trades2 (symbol string, price double, qty int, ts timestamp);
CREATE WINDOW w5 (SIZE 5 ADVANCE 1 TUPLES PARTITION BY symbol);
SELECT * FROM trades;
SELECT t.* FROM trades AS t WHERE t.price > 100.5 AND t.qty BETWEEN 1 AND 10;
SELECT symbol, price * qty AS notional, upper(symbol) sym FROM trades WHERE symbol IN ('A', 'B') INTO notional;
SELECT symbol, notional FROM notional WHERE notional > 1000 INTO big_trades;
SELECT symbol, count(*) AS n, sum(qty) AS volume, avg(price) AS mean, min(price) AS lo, max(price) AS hi,
       sum(price * qty) / sum(qty) AS vwap, window_start() AS ws, window_end() AS we
  FROM trades[SIZE 60 ADVANCE 60 ON ts]
  GROUP BY symbol
  HAVING count(*) > 2
  ORDER BY volume DESC, symbol
  LIMIT 10
  INTO vwap_per_minute;
SELECT symbol, stdev(price) AS sd, variance(price) AS var, median(price) AS med, percentile(price, 0.95) AS p95,
       firstval(price) AS first_price, lastval(price) AS last_price, openval() AS o, closeval() AS c, count_distinct(qty) AS dq
  FROM trades[w5];
SELECT count(*) AS n FROM trades[SIZE 10 TUPLES];
SELECT symbol, count(price) AS n FROM trades GROUP BY symbol INTO running_counts;
SELECT symbol, sum(qty) AS q FROM trades[SIZE INTERVAL '10' SECOND ADVANCE INTERVAL '5' SECOND ON ts OFFSET 1] GROUP BY symbol;
SELECT date_trunc('minute', ts) AS minute, count(*) AS n FROM trades[SIZE 1 TIME TIMEOUT 5] GROUP BY date_trunc('minute', ts);
SELECT symbol, price FROM trades WHERE price > 10 LIMIT 5;
trades UNION trades2 INTO all_trades;
trades UNION trades2 UNION all_trades;
SELECT symbol FROM all_trades WHERE NOT (price < 1 OR qty IS NULL);
