-- NEXMark q1: currency conversion.
-- Every bid with its price converted from dollars to euros (x 0.908).
-- Input: NEXMark bids (100,000 NEXMark events by default; --events to change).
-- Output (stdout): auction, bidder, price (euros, double), dateTime, extra.
CREATE INPUT STREAM bid (auction long, bidder long, price long, channel string, url string, dateTime timestamp, extra string)
  WITH (GENERATOR = 'nexmark.bid', EVENTS = 100000, TIMESTAMP = dateTime);

SELECT auction, bidder, 0.908 * price AS price, dateTime, extra FROM bid;
