-- error: GALE_ERR_SQL_UNEXPECTED_TOKEN at 3:38
CREATE INPUT STREAM s (a int, b string, c double, ts timestamp);
SELECT CASE WHEN a > 1 THEN 1 ELSE 2 FROM s;
