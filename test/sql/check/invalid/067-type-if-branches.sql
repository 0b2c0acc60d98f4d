-- error: GALE_ERR_SQL_TYPE_MISMATCH at 3:29
CREATE INPUT STREAM s (a int, b string, c double, ts timestamp);
SELECT if a > 1 then b else c AS y FROM s;
