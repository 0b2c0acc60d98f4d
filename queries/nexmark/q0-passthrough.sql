-- NEXMark q0: pass-through.
-- Every bid, unchanged: what the engine costs when a query does no work.
-- Input: NEXMark bids (100,000 NEXMark events by default; --events to change).
-- Output (stdout): auction, bidder, price, dateTime, extra — one row per bid.
CREATE INPUT STREAM bid (auction long, bidder long, price long, channel string, url string, dateTime timestamp, extra string)
  WITH (GENERATOR = 'nexmark.bid', EVENTS = 100000, TIMESTAMP = dateTime);

SELECT auction, bidder, price, dateTime, extra FROM bid;
