-- error: GALE_ERR_SQL_UNKNOWN_FIELD at 3:23
CREATE INPUT STREAM s (a int, ts timestamp);
SELECT a FROM s WHERE unknownvar > 1;
