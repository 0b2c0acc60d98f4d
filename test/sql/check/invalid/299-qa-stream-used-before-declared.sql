-- error: GALE_ERR_SQL_UNKNOWN_STREAM at 2:15
SELECT a FROM later_s;
CREATE INPUT STREAM later_s (a int);
