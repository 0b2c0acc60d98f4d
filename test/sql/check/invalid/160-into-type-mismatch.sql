-- error: GALE_ERR_SQL_SCHEMA_MISMATCH at 4:27
CREATE INPUT STREAM s (a int, b string, c double, ts timestamp);
CREATE OUTPUT STREAM o (a int);
SELECT c AS a FROM s INTO o;
