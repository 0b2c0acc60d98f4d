-- error: GALE_ERR_SQL_BAD_LIMIT at 3:75
CREATE INPUT STREAM s (a int, b string);
SELECT a, count(*) AS n FROM s[SIZE 5 TUPLES] GROUP BY a ORDER BY n LIMIT 'x';
