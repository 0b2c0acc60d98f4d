-- error: GALE_ERR_SQL_GROUP_BY_VIOLATION at 3:12
CREATE INPUT STREAM s (a int, b string, c double, ts timestamp);
SELECT a + c AS x, count(*) AS n FROM s GROUP BY a;
