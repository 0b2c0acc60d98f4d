-- error: GALE_ERR_SQL_GROUP_BY_VIOLATION at 3:11
CREATE INPUT STREAM s (a int, b string, c double, ts timestamp);
SELECT a, b, count(*) AS n FROM s GROUP BY a;
