-- error: GALE_ERR_SQL_BAD_ORDER_BY at 3:26
CREATE INPUT STREAM s (a int, ts timestamp);
SELECT a FROM s ORDER BY a;
