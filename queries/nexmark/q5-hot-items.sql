-- NEXMark q5: hot items.
-- The auction(s) with the most bids in each sliding window of 10 seconds,
-- advancing every 2 seconds (ties all reported).
-- Step 1 counts bids per auction per window; step 2 takes the largest count
-- per window; step 3 joins them back (a tuple join over the windows' ends).
-- Input: NEXMark bids.
-- Output (stdout): auction, num (bids in the window), ends (window end).
CREATE INPUT STREAM bid (auction long, bidder long, price long, channel string, url string, dateTime timestamp, extra string)
  WITH (GENERATOR = 'nexmark.bid', EVENTS = 100000, TIMESTAMP = dateTime);

SELECT auction, count(*) AS num, window_end() AS ends
FROM bid[SIZE 10 ADVANCE 2 ON dateTime]
GROUP BY auction
INTO auction_counts;

SELECT max(num) AS maxn, max(ends) AS ends
FROM auction_counts[SIZE 2 ADVANCE 2 ON ends]
INTO max_counts;

SELECT c.auction, c.num, c.ends
FROM auction_counts[SIZE 4 ADVANCE 2 ON ends] AS c, max_counts[SIZE 4 ADVANCE 2 ON ends] AS m
WHERE c.ends = m.ends AND c.num >= m.maxn;
