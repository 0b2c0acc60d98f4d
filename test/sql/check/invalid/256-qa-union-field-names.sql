-- error: GALE_ERR_SQL_SCHEMA_MISMATCH at 4:9
CREATE INPUT STREAM s (a int, b string);
CREATE INPUT STREAM r (a int, c string);
s UNION r INTO u;
