-- Quickstart: the whole product on the embedded default, results flowing.
-- NEXMark bids from the built-in generator (paced to 20,000 events per
-- second of wall time) are written to the topic `bids` in Gale's own log,
-- keyed by auction over 4 partitions. A persistent query counts the bids of
-- every auction per tumbling 10-second window of event time and keeps the
-- hot ones (at least 200 bids) in the topic `hot_auctions`; the last SELECT
-- has no INTO, so its rows print live on stdout. Runs until Ctrl-C, which
-- flushes the outputs and checkpoints the persistent queries.
-- Add `--kafka-port 9092` to read the same topics with any Kafka client,
-- e.g. `kcat -b 127.0.0.1:9092 -t hot_auctions -C`.
CREATE INPUT STREAM bid_source (auction long, bidder long, price long, channel string, url string, dateTime timestamp, extra string)
  WITH (GENERATOR = 'nexmark.bid', RATE = 20000, TIMESTAMP = dateTime);

CREATE STREAM bids (auction long, bidder long, price long, channel string, url string, dateTime timestamp, extra string)
  WITH (TOPIC = 'bids', PARTITIONS = 4, KEY = auction, TIMESTAMP = dateTime);

SELECT * FROM bid_source INTO bids;

SELECT auction, count(*) AS bids, max(price) AS top_price, window_end() AS window_end
FROM bids[SIZE 10 ADVANCE 10 ON dateTime]
GROUP BY auction
HAVING count(*) >= 200
INTO hot_auctions;

SELECT auction, bids, top_price, window_end FROM hot_auctions;
