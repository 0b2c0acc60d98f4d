-- error: GALE_ERR_SQL_TYPE_MISMATCH at 3:38
CREATE INPUT STREAM s (a int, b string, c double, ts timestamp);
DECLARE v int DEFAULT 0 UPDATE FROM (SELECT b FROM s);
