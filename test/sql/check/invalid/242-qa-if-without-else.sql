-- error: GALE_ERR_SQL_UNEXPECTED_TOKEN at 3:26
CREATE INPUT STREAM s (a int, ts timestamp);
SELECT IF a > 1 THEN 'x' AS c FROM s;
