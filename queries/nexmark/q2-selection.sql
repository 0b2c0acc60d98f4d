-- NEXMark q2: selection.
-- The bids on a sample of auctions: those whose id is a multiple of 123.
-- Input: NEXMark bids.
-- Output (stdout): auction, price.
CREATE INPUT STREAM bid (auction long, bidder long, price long, channel string, url string, dateTime timestamp, extra string)
  WITH (GENERATOR = 'nexmark.bid', EVENTS = 100000, TIMESTAMP = dateTime);

SELECT auction, price FROM bid WHERE auction % 123 = 0;
