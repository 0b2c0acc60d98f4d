-- error: GALE_ERR_SQL_TYPE_MISMATCH at 3:8
CREATE INPUT STREAM s (a int, b string, c double, ts timestamp);
SELECT CAST(a > 1 AS timestamp) AS y FROM s;
