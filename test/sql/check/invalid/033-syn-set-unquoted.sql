-- error: GALE_ERR_SQL_UNEXPECTED_TOKEN at 2:5
SET foo = 'bar';
