-- error: GALE_ERR_SQL_BAD_PATTERN at 3:38
CREATE INPUT STREAM ev (u string, k string, t timestamp);
SELECT x.u FROM PATTERN ev AS x THEN NOT (ev AS b THEN ev AS c) WITHIN 10 ON t;
