-- error: GALE_ERR_SQL_SCHEMA_MISMATCH at 4:22
CREATE INPUT STREAM s (a int, b string, c double, ts timestamp);
SELECT a FROM s INTO o;
SELECT b FROM s INTO o;
