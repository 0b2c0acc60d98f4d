-- case: stranger: string functions, LIKE, IF/CASE on a simple operand, CAST of strings, NOT IN and NOT BETWEEN with NULLs, quoted identifiers
-- oracle: duckdb
/* oracle
SELECT seq, lower(usr) || ':' || substr(city, 1, 3), length(city), strpos(city, 'o'), replace(city, 'o', '0'),
       split_part(usr || '-' || kind, '-', 2),
       CASE WHEN amount > 250 THEN 'big' ELSE 'small' END,
       CASE kind WHEN 'buy' THEN 1 WHEN 'view' THEN 2 ELSE 0 END,
       CAST(CAST(seq AS VARCHAR) AS INTEGER) * 2,
       upper(trim('  ' || kind || '  ')),
       amount NOT BETWEEN 100 AND 400,
       amount IN (1.0, NULL)
FROM events
WHERE city LIKE '%o%' AND kind NOT IN ('logout') AND usr LIKE 'u_'
*/
CREATE INPUT STREAM events (seq long, ts timestamp, usr string, kind string, city string, amount double)
  WITH (FILE = 'events.jsonl', TIMESTAMP = 'ts');
SELECT seq, lower(usr) || ':' || substr(city, 1, 3) AS tag, length(city) AS len, strpos(city, 'o') AS pos,
       replace(city, 'o', '0') AS zeroed,
       split_part(usr || '-' || kind, '-', 2) AS "the kind",
       IF amount > 250 THEN 'big' ELSE 'small' AS size,
       CASE kind WHEN 'buy' THEN 1 WHEN 'view' THEN 2 ELSE 0 END AS code,
       CAST(string(seq) AS int) * 2 AS twice,
       upper(trim('  ' || kind || '  ')) AS k,
       amount NOT BETWEEN 100 AND 400 AS outside,
       amount IN (1.0, NULL) AS odd /* NULL unless amount = 1.0 */
FROM events
WHERE city LIKE '%o%' AND kind NOT IN ('logout') AND usr LIKE 'u_';
