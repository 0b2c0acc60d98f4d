-- error: GALE_ERR_SQL_GROUP_BY_VIOLATION at 3:50
CREATE INPUT STREAM s (n int, k string);
SELECT k, count(*) AS n FROM s GROUP BY k HAVING n > 2;
