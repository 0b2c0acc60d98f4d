-- case: UPDATE ... USING a stream, read back by a lookup join from another stream (table seeded from a reference file)
-- oracle: reference lastBidSeenByTrades
-- output: seen
CREATE INPUT STREAM trades (seq long, ts timestamp, sym string, price double, qty long, side string)
  WITH (FILE = 'trades.jsonl', TIMESTAMP = ts);
CREATE INPUT STREAM quotes (seq long, ts timestamp, sym string, bid double) WITH (FILE = 'quotes.jsonl', TIMESTAMP = ts);
CREATE INPUT STREAM ref_rows (sym string, sector string, lot long) WITH (FILE = 'refs.jsonl');
CREATE MEMORY TABLE bids (sym string, last_bid double, PRIMARY KEY (sym) USING BTREE);
CREATE OUTPUT STREAM seen;
INSERT INTO bids (sym) SELECT sym FROM ref_rows;
UPDATE bids USING quotes SET last_bid = quotes.bid WHERE bids.sym = quotes.sym;
SELECT t.seq, b.last_bid FROM trades AS t JOIN bids AS b ON t.sym = b.sym INTO seen;
