-- NEXMark q11: user sessions (approximated).
-- The number of bids each bidder makes per activity period. NEXMark uses
-- session windows (a gap of 10 seconds ends a session); the dialect has no
-- session windows, so this counts bids per bidder in tumbling 10-second
-- windows of event time.
-- Input: NEXMark bids.
-- Output (stdout): bidder, bid_count, starttime, endtime.
CREATE INPUT STREAM bid (auction long, bidder long, price long, channel string, url string, dateTime timestamp, extra string)
  WITH (GENERATOR = 'nexmark.bid', EVENTS = 100000, TIMESTAMP = dateTime);

SELECT bidder, count(*) AS bid_count, window_start() AS starttime, window_end() AS endtime
FROM bid[SIZE 10 ADVANCE 10 ON dateTime]
GROUP BY bidder;
