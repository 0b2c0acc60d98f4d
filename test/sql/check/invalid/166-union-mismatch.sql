-- error: GALE_ERR_SQL_SCHEMA_MISMATCH at 4:9
CREATE INPUT STREAM s (a int, b string, c double, ts timestamp);
CREATE INPUT STREAM t (a int, d long, ts timestamp);
s UNION t INTO u;
