-- error: GALE_ERR_SQL_AMBIGUOUS_FIELD at 4:8
CREATE INPUT STREAM a (id int, ts timestamp);
CREATE INPUT STREAM b (id int, ts timestamp);
SELECT id FROM a[SIZE 10 ON ts], b[SIZE 10 ON ts] WHERE TRUE;
