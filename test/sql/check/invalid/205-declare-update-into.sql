-- error: GALE_ERR_SQL_INTO_NOT_ALLOWED at 3:59
CREATE INPUT STREAM s (a int, b string, c double, ts timestamp);
DECLARE v int DEFAULT 0 UPDATE FROM (SELECT a FROM s INTO o);
