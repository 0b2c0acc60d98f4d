-- error: GALE_ERR_SQL_BAD_STATEMENT at 3:9
CREATE INPUT STREAM s (a int, b string, c double, ts timestamp);
EXPLAIN EXPLAIN SELECT a FROM s;
