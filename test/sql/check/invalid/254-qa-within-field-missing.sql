-- error: GALE_ERR_SQL_UNKNOWN_FIELD at 4:57
CREATE INPUT STREAM s (a int, ts timestamp);
CREATE INPUT STREAM r (a int, t2 timestamp);
SELECT x.a FROM PATTERN s AS x THEN r AS y WITHIN 10 ON ts;
