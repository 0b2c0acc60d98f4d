-- error: GALE_ERR_SQL_JOIN_NEEDS_WINDOW at 4:18
CREATE INPUT STREAM a (id int, ts timestamp);
CREATE INPUT STREAM b (id int, ts timestamp);
SELECT a.id FROM a JOIN b[SIZE 10 ON ts] ON a.id = b.id;
