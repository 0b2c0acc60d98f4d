-- error: GALE_ERR_SQL_SCHEMA_MISMATCH at 6:51
CREATE INPUT STREAM s (a int, ts timestamp);
CREATE OUTPUT STREAM o (a long, n long);
SELECT count(*) AS n, a FROM s GROUP BY a INTO o;
SELECT a, a AS n FROM s INTO o;
SELECT CAST(a AS double) AS a, 1 AS n FROM s INTO o;
