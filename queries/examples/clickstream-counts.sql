-- Clickstream counts.
-- Page views per page per tumbling minute (with distinct users and the
-- median time on page), and per user the pages seen in their last 5 clicks
-- (a TUPLES window partitioned by user).
-- Input: data/clicks.jsonl (ts, user_id, page, ms_on_page).
-- Output (stdout): per-page minute counts and per-user click windows.
CREATE INPUT STREAM clicks (ts timestamp, user_id string, page string, ms_on_page long)
  WITH (FILE = 'data/clicks.jsonl', TIMESTAMP = ts);

CREATE OUTPUT STREAM page_minutes;
CREATE OUTPUT STREAM user_clicks;

SELECT page, count(*) AS views, count_distinct(user_id) AS users, median(ms_on_page) AS median_ms,
       window_start() AS minute
FROM clicks[SIZE 60 ADVANCE 60 ON ts]
GROUP BY page
INTO page_minutes;

SELECT user_id, count_distinct(page) AS distinct_pages, firstval(page) AS first_page, lastval(page) AS last_page
FROM clicks[SIZE 5 ADVANCE 5 TUPLES PARTITION BY user_id]
INTO user_clicks;
