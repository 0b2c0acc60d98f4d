-- NEXMark q4: average selling price per category.
-- An auction's selling price is its highest bid placed while it was open.
-- Open auctions live in a memory table; each bid raises its auction's
-- maximum (UPDATE ... USING bid); once event time passes an auction's
-- expiry it is removed and its final price emitted (DELETE ... RETURNING),
-- and the average per category is updated (a changelog row per closed
-- auction). Auctions still open when the input ends are not counted.
-- Input: NEXMark auctions and bids (read merged in event-time order).
-- Output (stdout): category, avg_price (running average of closed auctions).
CREATE INPUT STREAM auction (id long, itemName string, description string, initialBid long, reserve long,
                                 dateTime timestamp, expires timestamp, seller long, category long, extra string)
  WITH (GENERATOR = 'nexmark.auction', EVENTS = 100000, TIMESTAMP = dateTime);
CREATE INPUT STREAM bid (auction long, bidder long, price long, channel string, url string, dateTime timestamp, extra string)
  WITH (GENERATOR = 'nexmark.bid', EVENTS = 100000, TIMESTAMP = dateTime);

CREATE MEMORY TABLE open_auctions (id long, category long, opened timestamp, expires timestamp, final long,
                                   PRIMARY KEY (id));

INSERT INTO open_auctions (id, category, opened, expires)
  SELECT id, category, dateTime, expires FROM auction;

UPDATE open_auctions USING bid
  SET final = greatest(final, bid.price)
  WHERE open_auctions.id = bid.auction AND bid.dateTime BETWEEN open_auctions.opened AND open_auctions.expires;

DELETE FROM open_auctions USING bid
  WHERE open_auctions.expires < bid.dateTime
  RETURNING open_auctions.category AS category, open_auctions.final AS final INTO closed_auctions;

SELECT category, avg(final) AS avg_price FROM closed_auctions WHERE final IS NOT NULL GROUP BY category;
