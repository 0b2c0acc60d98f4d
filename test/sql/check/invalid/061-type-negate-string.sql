-- error: GALE_ERR_SQL_TYPE_MISMATCH at 3:9
CREATE INPUT STREAM s (a int, b string, c double, ts timestamp);
SELECT -b AS x FROM s;
