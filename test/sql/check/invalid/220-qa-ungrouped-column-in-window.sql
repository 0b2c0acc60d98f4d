-- error: GALE_ERR_SQL_GROUP_BY_VIOLATION at 3:8
CREATE INPUT STREAM s (a int, ts timestamp);
SELECT a, count(*) AS n FROM s[SIZE 10 ON ts];
