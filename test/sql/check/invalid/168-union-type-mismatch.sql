-- error: GALE_ERR_SQL_SCHEMA_MISMATCH at 4:9
CREATE STREAM p (a int, b string);
CREATE STREAM q (a string, b string);
p UNION q;
