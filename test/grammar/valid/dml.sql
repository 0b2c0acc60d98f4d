-- Memory tables: INSERT ... SELECT (ON DUPLICATE KEY UPDATE), REPLACE, UPDATE USING, DELETE USING, RETURNING; VALUES.
CREATE INPUT STREAM fills (symbol string, qty long, price double, ts timestamp);
CREATE INPUT STREAM cancels (symbol string);
CREATE MEMORY TABLE positions (symbol string, qty long, cost double, PRIMARY KEY (symbol));
CREATE OUTPUT STREAM position_changes (symbol string, qty long);
INSERT INTO positions SELECT symbol, qty, qty * price AS cost FROM fills
  ON DUPLICATE KEY UPDATE qty = positions.qty + qty, cost = positions.cost + cost
  RETURNING symbol, qty INTO position_changes;
REPLACE INTO positions SELECT symbol, qty, price AS cost FROM fills WHERE qty > 0;
REPLACE INTO positions (symbol, qty) SELECT symbol, qty FROM fills RETURNING *;
UPDATE positions USING fills AS f SET qty = positions.qty - f.qty, cost = 0.0 WHERE positions.symbol = f.symbol RETURNING positions.symbol, positions.qty AS remaining;
DELETE FROM positions USING cancels AS c WHERE positions.symbol = c.symbol RETURNING positions.symbol AS gone INTO removed;
INSERT INTO fills VALUES ('ACME', 10, 12.5, TIMESTAMP '2024-01-01 09:30:00'), ('ACME', 5L, 12, '2024-01-01T09:31:00.000Z');
INSERT INTO fills (symbol, qty) VALUES ('XYZ', -3);
INSERT INTO positions VALUES ('ACME', 0, NULL);
INSERT INTO all_fills SELECT * FROM fills;
INSERT INTO renamed (s, q) SELECT symbol, qty FROM fills;
