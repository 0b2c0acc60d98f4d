-- error: GALE_ERR_SQL_UNTYPED_NULL at 3:8
CREATE INPUT STREAM s (a int, ts timestamp);
SELECT NULL AS x FROM s;
