-- error: GALE_ERR_SQL_UNKNOWN_FIELD at 3:8
CREATE INPUT STREAM s (Price double, b string);
SELECT price FROM s;
