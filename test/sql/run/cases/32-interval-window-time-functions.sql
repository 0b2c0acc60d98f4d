-- case: stranger: window sized by INTERVAL ON a timestamp, time functions on window bounds, TIMESTAMP literal filter
-- oracle: duckdb
/* oracle
SELECT usr, count(*), date_part('minute', make_timestamp((ts // 60000) * 60000 * 1000)),
       strftime(make_timestamp((ts // 60000) * 60000 * 1000), '%H:%M'),
       (ts // 60000) * 60000 + 60000 - (ts // 60000) * 60000
FROM events WHERE ts >= epoch_ms(TIMESTAMP '2024-01-01 00:03:00') GROUP BY usr, ts // 60000
*/
CREATE INPUT STREAM events (seq long, ts timestamp, usr string, kind string, city string, amount double)
  WITH (FILE = 'events.jsonl', TIMESTAMP = 'ts');
SELECT usr, count(*) AS n, EXTRACT(minute FROM window_start()) AS minute,
       format_time(window_start(), 'HH:mm') AS hhmm,
       window_end() - window_start() AS span_ms
FROM events[SIZE INTERVAL '1' MINUTE ON ts]
WHERE ts >= TIMESTAMP '2024-01-01 00:03:00'
GROUP BY usr;
