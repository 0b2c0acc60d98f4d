-- PATTERN: THEN / AND / OR / NOT, WITHIN n TIME and WITHIN v ON field.
CREATE INPUT STREAM logins (user_id long, ok bool, ts timestamp);
CREATE INPUT STREAM transfers (user_id long, amount double, ts timestamp);
CREATE INPUT STREAM logouts (user_id long, ts timestamp);
SELECT l.user_id, t.amount FROM PATTERN logins AS l THEN transfers AS t WITHIN 30 TIME
  WHERE l.user_id = t.user_id AND NOT l.ok AND t.amount > 1000 INTO fraud_alerts;
SELECT a.user_id FROM PATTERN logins AS a THEN NOT logouts AS b WITHIN 600 ON ts WHERE a.user_id = b.user_id;
SELECT a.user_id FROM PATTERN (logins AS a AND transfers AS t) THEN logouts AS o WITHIN INTERVAL '5' MINUTE ON ts;
SELECT a.user_id FROM PATTERN logins AS a THEN (transfers AS t OR logouts AS o) WITHIN 10 TIME;
SELECT a.user_id FROM PATTERN logins a THEN transfers b THEN logouts c WITHIN 1.5 TIME WHERE a.user_id = c.user_id;
