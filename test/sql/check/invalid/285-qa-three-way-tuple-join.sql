-- error: GALE_ERR_SQL_BAD_JOIN at 3:64
CREATE INPUT STREAM a (id int, ts timestamp, v int);
SELECT x.id FROM a[SIZE 10 ON ts] AS x, a[SIZE 10 ON ts] AS y, a[SIZE 10 ON ts] AS z WHERE x.id = y.id;
