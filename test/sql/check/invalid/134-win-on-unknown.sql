-- error: GALE_ERR_SQL_UNKNOWN_FIELD at 3:40
CREATE INPUT STREAM s (a int, b string, c double, ts timestamp);
SELECT count(*) AS n FROM s[SIZE 10 ON tstamp];
