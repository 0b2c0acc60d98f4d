-- error: GALE_ERR_SQL_UNKNOWN_FIELD at 5:24
CREATE INPUT STREAM s (a int, b string, c double, ts timestamp);
/* a block
   comment */ -- and a line comment
SELECT a /* inline */, q FROM s;
