-- error: GALE_ERR_SQL_SCHEMA_MISMATCH at 4:25
CREATE INPUT STREAM s (a int, b string);
CREATE OUTPUT STREAM o (a int, c string);
SELECT a, b FROM s INTO o;
