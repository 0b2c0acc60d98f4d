-- error: GALE_ERR_SQL_UNKNOWN_STREAM at 3:13
CREATE INPUT STREAM s (a int, b string, c double, ts timestamp);
DELETE FROM tbx USING s WHERE true;
