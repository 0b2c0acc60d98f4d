-- error: GALE_ERR_SQL_UNKNOWN_FIELD at 3:16
CREATE INPUT STREAM s (a int, b string, c double, ts timestamp);
EXPLAIN SELECT nope FROM s;
