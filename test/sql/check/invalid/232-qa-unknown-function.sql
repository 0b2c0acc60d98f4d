-- error: GALE_ERR_SQL_UNKNOWN_FUNCTION at 3:8
CREATE INPUT STREAM s (a int, b string);
SELECT frobnicate(b) AS c FROM s;
