-- error: GALE_ERR_SQL_DUPLICATE_FIELD at 2:32
CREATE SCHEMA X (a int, b int, b int);
