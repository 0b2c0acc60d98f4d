-- Card fraud pattern.
-- A card used in one city and then in a different city within 10 minutes
-- (event time): a PATTERN over the transaction stream, matched per card.
-- Also: cards with more than 3 transactions in any 2-minute sliding window.
-- Input: data/card-transactions.jsonl (ts, card, city, amount).
-- Output (stdout): one alert row per suspicious pair, and per busy window.
CREATE INPUT STREAM tx (ts timestamp, card string, city string, amount double)
  WITH (FILE = 'data/card-transactions.jsonl', TIMESTAMP = ts);

CREATE OUTPUT STREAM city_hops;
CREATE OUTPUT STREAM busy_cards;

SELECT a.card, a.city AS first_city, b.city AS second_city, a.ts AS first_ts, b.ts AS second_ts, b.amount
FROM PATTERN tx AS a THEN tx AS b WITHIN 600 ON ts
WHERE a.card = b.card AND a.city <> b.city
INTO city_hops;

SELECT card, count(*) AS tx_count, sum(amount) AS total, window_end() AS window_end
FROM tx[SIZE 120 ADVANCE 30 ON ts]
GROUP BY card
HAVING count(*) > 3
INTO busy_cards;
