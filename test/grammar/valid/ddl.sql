-- Declarations: schemas, input/output/intermediate streams with bindings, windows, tables.
CREATE SCHEMA Trade (symbol string, price double, qty int, ts timestamp);
CREATE INPUT STREAM trades Trade WITH (TOPIC = 'trades', PARTITIONS = 4, KEY = 'symbol', FORMAT = json, TIMESTAMP = 'ts');
CREATE INPUT STREAM quotes (symbol string, bid double, ask double, ts timestamp)
  WITH (FILE = 'data/quotes.csv', FORMAT = 'csv', TIMESTAMP = 'ts', IDLE_TIMEOUT = 5);
CREATE INPUT STREAM bids (auction long, bidder long, price long, channel string, url string, dateTime timestamp, extra string)
  WITH (GENERATOR = 'nexmark.bid', EVENTS = 100000, RATE = 10000, SEED = 42, 'first.event' = 0);
CREATE OUTPUT STREAM alerts (symbol string, price double) WITH (TOPIC = 'alerts');
CREATE OUTPUT STREAM printed (line string) WITH (FORMAT = string);
CREATE STREAM staged;
create input stream "Mixed Case" ("order id" long, "time" timestamp, size int, key string, day int);
CREATE WINDOW tumble10 (SIZE 10 ADVANCE 10 TIME);
CREATE WINDOW slide (SIZE 10 ADVANCE 2 ON ts PARTITION BY symbol OFFSET 1 TIMEOUT 30);
CREATE WINDOW last5 (SIZE 5 TUPLES);
CREATE WINDOW hourly (SIZE INTERVAL '1' HOUR ADVANCE INTERVAL '15' MINUTES ON ts);
CREATE MEMORY TABLE positions (symbol string, qty long, avg_price double, PRIMARY KEY (symbol) USING HASH);
CREATE TABLE ordered (day int, symbol string, total double, PRIMARY KEY (day, symbol) USING BTREE);
CREATE MEMORY TABLE plain (id long, name string, PRIMARY KEY (id));
