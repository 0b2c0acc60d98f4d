-- NEXMark q7: highest bid.
-- The highest bid(s) of every tumbling 10-second window: the maximum price
-- per window, joined back to the bids of that window that had it.
-- Input: NEXMark bids.
-- Output (stdout): auction, price, bidder, dateTime, extra.
CREATE INPUT STREAM bid (auction long, bidder long, price long, channel string, url string, dateTime timestamp, extra string)
  WITH (GENERATOR = 'nexmark.bid', EVENTS = 100000, TIMESTAMP = dateTime);

SELECT max(price) AS maxprice, window_end() AS ends
FROM bid[SIZE 10 ADVANCE 10 ON dateTime]
INTO max_prices;

SELECT b.auction, b.price, b.bidder, b.dateTime, b.extra
FROM bid[SIZE 20 ADVANCE 10 ON dateTime] AS b, max_prices[SIZE 20 ADVANCE 10 ON ends] AS m
WHERE b.price = m.maxprice AND b.dateTime >= m.ends - INTERVAL '10' SECOND AND b.dateTime < m.ends;
