/**
 * The Yahoo streaming benchmark's ad events: user_id, page_id, ad_id,
 * ad_type (banner, modal, sponsored-search, mail, mobile), event_type (view,
 * click, purchase), event_time, ip_address; 100 campaigns of 10 ads each.
 * `ysb.campaigns` gives the ad → campaign mapping (what YSB keeps in Redis)
 * as 1000 rows, to load into a memory table.
 */
import type { Row } from '../../runtime/message.js';
import type { Field } from '../../sql/types.js';
import type { EventGenerator, GeneratorKind, GeneratorParams } from './event-generator.js';
import { Rng, uuid } from './random.js';

const CAMPAIGNS = 100;
const ADS_PER_CAMPAIGN = 10;
const AD_TYPES = ['banner', 'modal', 'sponsored-search', 'mail', 'mobile'];
const EVENT_TYPES = ['view', 'click', 'purchase'];
const POOL = 1000;

const L = (name: string, type: Field['type']): Field => ({ name, type });

export const YSB_EVENT_FIELDS: readonly Field[] = [
  L('user_id', 'string'), L('page_id', 'string'), L('ad_id', 'string'), L('ad_type', 'string'),
  L('event_type', 'string'), L('event_time', 'timestamp'), L('ip_address', 'string'),
];
export const YSB_CAMPAIGN_FIELDS: readonly Field[] = [L('ad_id', 'string'), L('campaign_id', 'string')];

interface Pools {
  readonly campaigns: string[];
  readonly ads: string[];
  readonly users: string[];
  readonly pages: string[];
}

function pools(seed: number): Pools {
  const r = new Rng().at(seed, 0x75b);
  const campaigns = Array.from({ length: CAMPAIGNS }, () => uuid(r));
  const ads = Array.from({ length: CAMPAIGNS * ADS_PER_CAMPAIGN }, () => uuid(r));
  const users = Array.from({ length: POOL }, () => uuid(r));
  const pages = Array.from({ length: POOL }, () => uuid(r));
  return { campaigns, ads, users, pages };
}

export const YSB_EVENTS: GeneratorKind = {
  name: 'ysb',
  description: 'Yahoo streaming benchmark ad events',
  fields: YSB_EVENT_FIELDS,
  timestamp: 'event_time',
  create(p: GeneratorParams): EventGenerator {
    const pl = pools(p.seed);
    const r = new Rng();
    const interMs = 1000 / p.eventRate;
    return {
      eventsPerRow: 1,
      fill(from, to, out) {
        for (let n = from; n < to; n++) {
          r.at(p.seed, n);
          const row: Row = [
            pl.users[r.int(POOL)]!,
            pl.pages[r.int(POOL)]!,
            pl.ads[r.int(pl.ads.length)]!,
            AD_TYPES[r.int(AD_TYPES.length)]!,
            EVENT_TYPES[r.int(EVENT_TYPES.length)]!,
            p.baseTime + Math.floor(n * interMs),
            '1.2.3.4',
          ];
          out.push(row);
        }
      },
    };
  },
};

export const YSB_CAMPAIGNS: GeneratorKind = {
  name: 'ysb.campaigns',
  description: 'Yahoo streaming benchmark ad → campaign mapping (1000 rows)',
  fields: YSB_CAMPAIGN_FIELDS,
  create(p: GeneratorParams): EventGenerator {
    const pl = pools(p.seed);
    return {
      eventsPerRow: 1,
      fixedEvents: pl.ads.length,
      fill(from, to, out) {
        for (let n = from; n < to && n < pl.ads.length; n++) {
          out.push([pl.ads[n]!, pl.campaigns[Math.floor(n / ADS_PER_CAMPAIGN)]!]);
        }
      },
    };
  },
};
