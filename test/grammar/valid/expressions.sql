-- Every expression form and every scalar function.
CREATE INPUT STREAM e (i int, l long, d double, s string, b bool, t timestamp);
SELECT -i AS neg, +d AS pos, i + l * 2 - d / 3 % 2 AS arith, (i + 1) * 2 AS grouped, - -i AS dbl, 2147483648 AS big, 10L AS lng,
       1.5e3 AS sci, .5 AS half, 'it''s' AS quote, TRUE AS yes, FALSE AS no, CAST(NULL AS int) AS nothing,
       s || '-' || i AS cat, i = 1 AS eq, i <> 1 AS ne, i != 2 AS ne2, i < l AS lt, i <= d AS le, i > 0 AS gt, i >= 0 AS ge,
       b AND i > 0 OR NOT b AS logic, s IS NULL AS isn, s IS NOT NULL AS nn, i IN (1, 2, 3) AS inl, i NOT IN (4) AS nin,
       d BETWEEN 0 AND 1.5 AS btw, d NOT BETWEEN -1 AND 1 AS nbtw, s LIKE 'a%_' AS lk, s NOT LIKE '%z' AS nlk,
       CASE WHEN i > 0 THEN 'pos' WHEN i < 0 THEN 'neg' ELSE 'zero' END AS sign_word,
       CASE i WHEN 1 THEN 'one' WHEN 2 THEN 'two' END AS simple_case,
       if b then 1 else if i > 0 then 2 else 3 AS nested_if, (if b then 1 else 2) + 1 AS if_plus,
       CAST(s AS long) AS c1, CAST(i AS string) AS c2, CAST(t AS long) AS c3, CAST('1' AS bool) AS c4,
       TIMESTAMP '2024-01-01 00:00:00' AS ts_lit, t + INTERVAL '10' SECOND AS later, t - INTERVAL 1 DAY AS earlier,
       t - TIMESTAMP '2024-01-01' AS elapsed, EXTRACT(HOUR FROM t) AS hr, EXTRACT(dow FROM t) AS dow
  FROM e;
SELECT abs(d) AS a1, ceil(d) AS a2, floor(d) AS a3, round(d) AS a4, round(d, 2) AS a5, sqrt(d) AS a6, power(d, 2) AS a7,
       ln(d) AS a8, log10(d) AS a9, exp(d) AS a10, sign(i) AS a11, mod(l, 7) AS a12, greatest(i, l, d) AS a13, least(i, 2) AS a14
  FROM e;
SELECT length(s) AS s1, lower(s) AS s2, upper(s) AS s3, substr(s, 2) AS s4, substr(s, -3, 2) AS s5, trim(s) AS s6,
       strpos(s, 'x') AS s7, replace(s, 'a', 'b') AS s8, regexp_match(s, '^[a-z]+$') AS s9, split_part(s, ',', 2) AS s10,
       format('%s has %d items at %.2f', s, i, d) AS s11
  FROM e;
SELECT now() AS n, timestamp('2024-01-01') AS t1, timestamp(l) AS t2, from_unixtime(1700000000) AS t3, to_milliseconds(t) AS t4,
       date_part('year', t) AS t5, date_trunc('day', t) AS t6, format_time(t, 'yyyy-MM-dd HH:mm:ss') AS t7
  FROM e;
SELECT int(d) AS c1, long(s) AS c2, double(i) AS c3, string(t) AS c4, bool(s) AS c5,
       coalesce(s, 'none') AS n1, nullif(i, 0) AS n2, isnull(s) AS n3
  FROM e;
CREATE INPUT STREAM "Mixed Case" ("order id" long, "time" timestamp, size int, key string, day int);
SELECT "time", size, key, day, "order id" FROM "Mixed Case" WHERE "time" > TIMESTAMP '2024-01-01';
