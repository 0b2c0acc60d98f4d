-- error: GALE_ERR_SQL_GROUP_BY_VIOLATION at 4:8
CREATE INPUT STREAM s (a int, ts timestamp);
SELECT a + 1 AS b, count(*) AS n FROM s GROUP BY a;
SELECT a * 2 AS b, count(*) AS n FROM s GROUP BY a + 1;
