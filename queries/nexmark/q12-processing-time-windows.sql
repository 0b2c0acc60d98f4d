-- NEXMark q12: processing-time windows.
-- The number of bids each bidder makes per 10 seconds of PROCESSING time
-- (the wall clock of the machine, not the bids' timestamps): results differ
-- from run to run, as in every system. The generator is paced to 10,000
-- events per second so that windows hold a realistic share of the input.
-- Input: NEXMark bids.
-- Output (stdout): bidder, bid_count, starttime, endtime.
CREATE INPUT STREAM bid (auction long, bidder long, price long, channel string, url string, dateTime timestamp, extra string)
  WITH (GENERATOR = 'nexmark.bid', EVENTS = 50000, RATE = 10000, TIMESTAMP = dateTime);

SELECT bidder, count(*) AS bid_count, window_start() AS starttime, window_end() AS endtime
FROM bid[SIZE 10 ADVANCE 10 TIME]
GROUP BY bidder;
