-- error: GALE_ERR_SQL_TYPE_MISMATCH at 3:38
CREATE INPUT STREAM s (a int, b string, ts timestamp);
SELECT CASE WHEN a > 1 THEN 'x' ELSE 2 END AS c FROM s;
