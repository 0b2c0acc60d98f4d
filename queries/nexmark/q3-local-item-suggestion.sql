-- NEXMark q3: local item suggestion.
-- Auctions in category 10 by sellers who live in Oregon, Idaho or California,
-- with the seller's name and city. People are kept in a memory table (their
-- latest record by id), and each auction looks its seller up: a stream-table
-- join, so an auction finds every seller registered before it.
-- Input: NEXMark people and auctions (read merged in event-time order).
-- Output (stdout): name, city, state, id (the auction).
CREATE INPUT STREAM person (id long, name string, emailAddress string, creditCard string, city string, state string,
                                dateTime timestamp, extra string)
  WITH (GENERATOR = 'nexmark.person', EVENTS = 100000, TIMESTAMP = dateTime);
CREATE INPUT STREAM auction (id long, itemName string, description string, initialBid long, reserve long,
                                 dateTime timestamp, expires timestamp, seller long, category long, extra string)
  WITH (GENERATOR = 'nexmark.auction', EVENTS = 100000, TIMESTAMP = dateTime);

CREATE MEMORY TABLE people (id long, name string, city string, state string, PRIMARY KEY (id));

REPLACE INTO people SELECT id, name, city, state FROM person;

SELECT P.name, P.city, P.state, A.id
FROM auction AS A JOIN people AS P ON A.seller = P.id
WHERE A.category = 10 AND P.state IN ('OR', 'ID', 'CA');
