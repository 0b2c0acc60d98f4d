-- Trade VWAP per symbol.
-- The volume-weighted average price of each symbol over sliding 5-minute
-- windows advancing every minute (event time from the trades' timestamps),
-- with the trade count, volume and price range; plus a running last price
-- per symbol (a changelog row per trade).
-- Input: data/trades.csv (ts, symbol, price, qty).
-- Output (stdout): the VWAP rows, then the running last prices.
CREATE INPUT STREAM trades (ts timestamp, symbol string, price double, qty long)
  WITH (FILE = 'data/trades.csv', FORMAT = csv, TIMESTAMP = ts);

CREATE OUTPUT STREAM vwap_5m;
CREATE OUTPUT STREAM last_prices;

SELECT symbol,
       sum(price * qty) / sum(qty) AS vwap,
       count(*) AS trades,
       sum(qty) AS volume,
       min(price) AS low,
       max(price) AS high,
       window_start() AS window_start,
       window_end() AS window_end
FROM trades[SIZE 300 ADVANCE 60 ON ts]
GROUP BY symbol
INTO vwap_5m;

SELECT symbol, lastval(price) AS last_price, count(*) AS trades_so_far
FROM trades
GROUP BY symbol
INTO last_prices;
