-- error: GALE_ERR_SQL_DUPLICATE_COLUMN at 4:8
CREATE INPUT STREAM a (id int, ts timestamp, v int);
CREATE INPUT STREAM b (id int, ts timestamp, w int);
SELECT * FROM a[SIZE 10 ON ts] AS x JOIN b[SIZE 10 ON ts] AS y ON x.id = y.id;
