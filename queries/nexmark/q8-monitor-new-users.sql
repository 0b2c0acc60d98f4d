-- NEXMark q8: monitor new users.
-- People who registered and opened an auction within the same tumbling
-- 10-second window: new people per window joined with sellers per window.
-- Input: NEXMark people and auctions (read merged in event-time order).
-- Output (stdout): id, name, starttime (the window's start).
CREATE INPUT STREAM person (id long, name string, emailAddress string, creditCard string, city string, state string,
                                dateTime timestamp, extra string)
  WITH (GENERATOR = 'nexmark.person', EVENTS = 100000, TIMESTAMP = dateTime);
CREATE INPUT STREAM auction (id long, itemName string, description string, initialBid long, reserve long,
                                 dateTime timestamp, expires timestamp, seller long, category long, extra string)
  WITH (GENERATOR = 'nexmark.auction', EVENTS = 100000, TIMESTAMP = dateTime);

SELECT id, name, window_start() AS starttime, window_end() AS endtime
FROM person[SIZE 10 ADVANCE 10 ON dateTime]
GROUP BY id, name
INTO new_people;

SELECT seller, window_start() AS starttime, window_end() AS endtime
FROM auction[SIZE 10 ADVANCE 10 ON dateTime]
GROUP BY seller
INTO new_sellers;

SELECT p.id, p.name, p.starttime
FROM new_people[SIZE 10 ADVANCE 10 ON endtime] AS p, new_sellers[SIZE 10 ADVANCE 10 ON endtime] AS s
WHERE p.id = s.seller AND p.starttime = s.starttime;
