-- Yahoo streaming benchmark (YSB).
-- Ad events are filtered to views, each view's ad is mapped to its campaign
-- (YSB keeps that mapping in Redis; here it is a memory table loaded from the
-- built-in mapping generator before the events flow), and views are counted
-- per campaign in tumbling 10-second windows of event time.
-- Input: YSB ad events (100,000 by default; --events to change) and the
--        1,000-row ad → campaign mapping.
-- Output (stdout): campaign_id, views, window_end.
CREATE INPUT STREAM ad_events (user_id string, page_id string, ad_id string, ad_type string,
                               event_type string, event_time timestamp, ip_address string)
  WITH (GENERATOR = 'ysb', EVENTS = 100000, TIMESTAMP = event_time);

CREATE INPUT STREAM ad_campaigns (ad_id string, campaign_id string) WITH (GENERATOR = 'ysb.campaigns');

CREATE MEMORY TABLE campaigns (ad_id string, campaign_id string, PRIMARY KEY (ad_id));

INSERT INTO campaigns SELECT ad_id, campaign_id FROM ad_campaigns;

SELECT c.campaign_id, e.event_time
FROM ad_events AS e JOIN campaigns AS c ON e.ad_id = c.ad_id
WHERE e.event_type = 'view'
INTO campaign_views;

SELECT campaign_id, count(*) AS views, window_end() AS window_end
FROM campaign_views[SIZE 10 ADVANCE 10 ON event_time]
GROUP BY campaign_id;
