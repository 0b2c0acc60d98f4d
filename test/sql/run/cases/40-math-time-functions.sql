-- case: stranger: math, NULL and time functions on real data: round(x, d), floor/ceil, abs, sign, mod, greatest/least skipping NULLs, nullif, coalesce, date_trunc, EXTRACT, from_unixtime, to_milliseconds, timestamp arithmetic with INTERVAL, format_time, format
-- oracle: duckdb
/* oracle
SELECT seq, round(amount, 1), floor(amount), ceil(amount), abs(amount - 250), sign(amount - 250), seq % 7,
       greatest(amount, seq * 1.0), least(amount, 100.0), nullif(kind, 'view'), coalesce(amount, -1.0),
       epoch_ms(date_trunc('minute', make_timestamp(ts * 1000))), date_part('second', make_timestamp(ts * 1000)),
       epoch_ms(make_timestamp(seq * 1000000)), ts + 300000, strftime(make_timestamp(ts * 1000), '%Y/%m/%d %H:%M:%S'),
       usr || '=' || CAST(seq AS VARCHAR) || '%'
FROM events WHERE seq % 3 = 0
*/
CREATE INPUT STREAM events (seq long, ts timestamp, usr string, kind string, city string, amount double)
  WITH (FILE = 'events.jsonl', TIMESTAMP = 'ts');
SELECT seq, round(amount, 1) AS r1, floor(amount) AS fl, ceil(amount) AS ce, abs(amount - 250) AS dist,
       sign(amount - 250) AS sg, mod(seq, 7) AS m7,
       greatest(amount, seq) AS gr, least(amount, 100) AS le, nullif(kind, 'view') AS nv, coalesce(amount, -1) AS am,
       to_milliseconds(date_trunc('minute', ts)) AS minute_ms, EXTRACT(second FROM ts) AS sec,
       from_unixtime(seq) AS from_secs, ts + INTERVAL '5' MINUTE AS later,
       format_time(ts, 'yyyy/MM/dd HH:mm:ss') AS txt,
       format('%s=%d%%', usr, seq) AS fmt
FROM events WHERE seq % 3 = 0;
