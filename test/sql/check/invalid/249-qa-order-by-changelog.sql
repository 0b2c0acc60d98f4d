-- error: GALE_ERR_SQL_BAD_ORDER_BY at 3:55
CREATE INPUT STREAM s (a int, ts timestamp);
SELECT a FROM s GROUP BY a HAVING sum(a) > 1 ORDER BY a;
