-- error: GALE_ERR_SQL_BAD_STATEMENT at 3:22
CREATE INPUT STREAM s (a int, ts timestamp);
SELECT a FROM s INTO s;
