-- Tuple joins, SQL joins (inner / outer), stream-table lookups.
CREATE INPUT STREAM orders (id long, customer long, amount double, ts timestamp) WITH (TIMESTAMP = 'ts');
CREATE INPUT STREAM payments (order_id long, paid double, ts timestamp) WITH (TIMESTAMP = 'ts');
CREATE MEMORY TABLE customers (id long, name string, country string, PRIMARY KEY (id));
CREATE WINDOW recent (SIZE 60 ADVANCE 60 ON ts);
SELECT o.id, o.amount, p.paid FROM orders[recent] AS o, payments[recent] AS p WHERE o.id = p.order_id INTO matched;
SELECT o.id, p.paid FROM orders[SIZE 100 TUPLES] o JOIN payments[SIZE 100 TUPLES] p ON o.id = p.order_id;
SELECT o.id, p.paid FROM orders[recent] AS o LEFT OUTER JOIN payments[recent] AS p ON o.id = p.order_id;
SELECT o.id, p.paid FROM orders[recent] AS o RIGHT JOIN payments[recent] AS p ON o.id = p.order_id;
SELECT o.id AS oid, p.order_id AS pid FROM orders[recent] AS o FULL JOIN payments[recent] AS p ON o.id = p.order_id;
SELECT o.id, c.name, c.country FROM orders AS o JOIN customers AS c ON o.customer = c.id INTO enriched;
SELECT o.id, coalesce(c.name, 'unknown') AS name FROM orders AS o LEFT JOIN customers AS c ON o.customer = c.id;
SELECT o.id, c.name FROM customers AS c INNER JOIN orders AS o ON o.customer = c.id;
SELECT c.country, count(*) AS n FROM orders AS o JOIN customers AS c ON o.customer = c.id GROUP BY c.country;
