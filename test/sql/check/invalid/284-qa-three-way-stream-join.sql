-- error: GALE_ERR_SQL_BAD_JOIN at 4:87
CREATE INPUT STREAM a (id int, ts timestamp, v int) ;
CREATE INPUT STREAM b (id int, ts timestamp, w int) ;
SELECT x.id FROM a[SIZE 10 ON ts] AS x JOIN b[SIZE 10 ON ts] AS y ON x.id = y.id JOIN a[SIZE 10 ON ts] AS z ON z.id = y.id;
