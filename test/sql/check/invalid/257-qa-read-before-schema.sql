-- error: GALE_ERR_SQL_NO_SCHEMA at 4:15
CREATE INPUT STREAM s (a int, b string);
CREATE STREAM later;
SELECT a FROM later;
