-- error: GALE_ERR_SQL_TYPE_MISMATCH at 3:8
CREATE INPUT STREAM s (a int, flag bool, ts timestamp);
SELECT CAST(flag AS timestamp) AS c FROM s;
