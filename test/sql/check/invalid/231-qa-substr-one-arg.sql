-- error: GALE_ERR_SQL_WRONG_ARGUMENTS at 3:8
CREATE INPUT STREAM s (a int, b string);
SELECT substr(b) AS c FROM s;
