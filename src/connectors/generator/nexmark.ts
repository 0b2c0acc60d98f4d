/**
 * NEXMark person / auction / bid events (the Beam/Flink NEXMark generator's
 * model, written from its published description): one event stream where
 * event n is a person, an auction or a bid in the proportions 1 : 3 : 46
 * (n mod 50), ids derived from n so that bids reference auctions and people
 * that exist, hot auctions / sellers / bidders (a bid is for a hot auction
 * with probability 1/2, by a hot bidder with 3/4; an auction is by a hot
 * seller with 3/4), prices 10^U(0,6) cents rounded, timestamps
 * base + n / eventRate. Seeded and deterministic per event number.
 * Padding `extra` fields are left empty.
 */
import type { Row } from '../../runtime/message.js';
import type { Field } from '../../sql/types.js';
import type { EventGenerator, GeneratorKind, GeneratorParams } from './event-generator.js';
import { Rng, wordPool } from './random.js';

const PERSON_PROPORTION = 1;
const AUCTION_PROPORTION = 3;
const TOTAL = 50;
const FIRST_PERSON_ID = 1000;
const FIRST_AUCTION_ID = 1000;
const FIRST_CATEGORY_ID = 10;
const NUM_CATEGORIES = 5;
const PERSON_ID_LEAD = 10;
const AUCTION_ID_LEAD = 10;
const HOT_AUCTION_RATIO = 2;
const HOT_SELLERS_RATIO = 4;
const HOT_BIDDERS_RATIO = 4;
const HOT_GROUP = 100;
const NUM_IN_FLIGHT_AUCTIONS = 100;
const NUM_ACTIVE_PEOPLE = 1000;
const CHANNELS = 10_000;

const FIRST_NAMES = ['Peter', 'Paul', 'Luke', 'John', 'Saul', 'Vicky', 'Kate', 'Julie', 'Sarah', 'Deiter', 'Walter'];
const LAST_NAMES = ['Shultz', 'Abrams', 'Spencer', 'White', 'Bartels', 'Walton', 'Smith', 'Jones', 'Noris'];
const US_CITIES = ['Phoenix', 'Los Angeles', 'San Francisco', 'Boise', 'Portland', 'Bend', 'Redmond', 'Seattle', 'Kent', 'Cheyenne'];
const US_STATES = ['AZ', 'CA', 'ID', 'OR', 'WA', 'WY'];
const HOT_CHANNELS = ['Google', 'Facebook', 'Baidu', 'Apple'];

/** What kind of event number n is. */
export function eventKind(n: number): 'person' | 'auction' | 'bid' {
  const r = n % TOTAL;
  return r < PERSON_PROPORTION ? 'person' : r < PERSON_PROPORTION + AUCTION_PROPORTION ? 'auction' : 'bid';
}

/** 0-based id of the last person created at or before event n. */
export function lastBase0PersonId(n: number): number {
  return Math.floor(n / TOTAL) * PERSON_PROPORTION + Math.min(n % TOTAL, PERSON_PROPORTION - 1);
}

/** 0-based id of the last auction created at or before event n. */
export function lastBase0AuctionId(n: number): number {
  let epoch = Math.floor(n / TOTAL);
  let offset = n % TOTAL;
  if (offset < PERSON_PROPORTION) {
    epoch--;
    offset = AUCTION_PROPORTION - 1;
  } else if (offset >= PERSON_PROPORTION + AUCTION_PROPORTION) {
    offset = AUCTION_PROPORTION - 1;
  } else {
    offset -= PERSON_PROPORTION;
  }
  return epoch * AUCTION_PROPORTION + offset;
}

function nextBase0PersonId(n: number, r: Rng): number {
  const people = lastBase0PersonId(n) + 1;
  const active = Math.min(people, NUM_ACTIVE_PEOPLE);
  return people - active + r.int(active + PERSON_ID_LEAD);
}

function nextBase0AuctionId(n: number, r: Rng): number {
  const max = lastBase0AuctionId(n);
  const min = Math.max(max - NUM_IN_FLIGHT_AUCTIONS, 0);
  return min + r.int(max - min + 1 + AUCTION_ID_LEAD);
}

function nextPrice(r: Rng): number {
  return Math.round(10 ** (r.next() * 6) * 100);
}

const L = (name: string, type: Field['type']): Field => ({ name, type });

export const BID_FIELDS: readonly Field[] = [
  L('auction', 'long'), L('bidder', 'long'), L('price', 'long'), L('channel', 'string'), L('url', 'string'),
  L('dateTime', 'timestamp'), L('extra', 'string'),
];
export const AUCTION_FIELDS: readonly Field[] = [
  L('id', 'long'), L('itemName', 'string'), L('description', 'string'), L('initialBid', 'long'), L('reserve', 'long'),
  L('dateTime', 'timestamp'), L('expires', 'timestamp'), L('seller', 'long'), L('category', 'long'), L('extra', 'string'),
];
export const PERSON_FIELDS: readonly Field[] = [
  L('id', 'long'), L('name', 'string'), L('emailAddress', 'string'), L('creditCard', 'string'), L('city', 'string'),
  L('state', 'string'), L('dateTime', 'timestamp'), L('extra', 'string'),
];

class Nexmark {
  readonly r = new Rng();
  readonly words: string[];
  readonly channels: string[];
  readonly urls: string[];
  readonly hotUrls: string[];
  private readonly interMs: number;

  constructor(readonly p: GeneratorParams) {
    this.words = wordPool(p.seed, 1024);
    this.channels = Array.from({ length: CHANNELS }, (_, i) => `channel-${i}`);
    this.urls = this.channels.map((_, i) => `https://www.nexmark.com/${this.words[i % 1024]}/${this.words[(i * 7) % 1024]}/item.htm?query=1&channel_id=${i}`);
    this.hotUrls = HOT_CHANNELS.map((c) => `https://www.nexmark.com/${c.toLowerCase()}/item.htm?query=1`);
    this.interMs = 1000 / p.eventRate;
  }

  ts(n: number): number {
    return this.p.baseTime + Math.floor(n * this.interMs);
  }

  bid(n: number): Row {
    const r = this.r.at(this.p.seed, n);
    const auction =
      r.int(HOT_AUCTION_RATIO) > 0
        ? Math.floor(lastBase0AuctionId(n) / HOT_GROUP) * HOT_GROUP
        : nextBase0AuctionId(n, r);
    const bidder =
      r.int(HOT_BIDDERS_RATIO) > 0
        ? Math.floor(lastBase0PersonId(n) / HOT_GROUP) * HOT_GROUP + 1
        : nextBase0PersonId(n, r);
    const price = nextPrice(r);
    let channel: string;
    let url: string;
    if (r.int(2) > 0) {
      const i = r.int(HOT_CHANNELS.length);
      channel = HOT_CHANNELS[i]!;
      url = this.hotUrls[i]!;
    } else {
      const i = r.int(CHANNELS);
      channel = this.channels[i]!;
      url = this.urls[i]!;
    }
    return [auction + FIRST_AUCTION_ID, bidder + FIRST_PERSON_ID, price, channel, url, this.ts(n), ''];
  }

  auction(n: number): Row {
    const r = this.r.at(this.p.seed, n);
    const id = lastBase0AuctionId(n) + FIRST_AUCTION_ID;
    const seller =
      r.int(HOT_SELLERS_RATIO) > 0 ? Math.floor(lastBase0PersonId(n) / HOT_GROUP) * HOT_GROUP : nextBase0PersonId(n, r);
    const category = FIRST_CATEGORY_ID + r.int(NUM_CATEGORIES);
    const initialBid = nextPrice(r);
    const reserve = initialBid + nextPrice(r);
    const ts = this.ts(n);
    // auctions run about as long as it takes for NUM_IN_FLIGHT_AUCTIONS more to start
    const horizon = this.ts(n + Math.floor((NUM_IN_FLIGHT_AUCTIONS * TOTAL) / AUCTION_PROPORTION)) - ts;
    const expires = ts + 1 + r.int(Math.max(horizon * 2, 1));
    const w = this.words;
    return [
      id, `${w[r.int(1024)]} ${w[r.int(1024)]}`, `${w[r.int(1024)]} ${w[r.int(1024)]} ${w[r.int(1024)]}`,
      initialBid, reserve, ts, expires, seller + FIRST_PERSON_ID, category, '',
    ];
  }

  person(n: number): Row {
    const r = this.r.at(this.p.seed, n);
    const id = lastBase0PersonId(n) + FIRST_PERSON_ID;
    const name = `${FIRST_NAMES[r.int(FIRST_NAMES.length)]} ${LAST_NAMES[r.int(LAST_NAMES.length)]}`;
    const w = this.words;
    const email = `${w[r.int(1024)]}@${w[r.int(1024)]}.com`;
    const digits = (): string => String(1000 + r.int(9000));
    const card = `${digits()} ${digits()} ${digits()} ${digits()}`;
    const city = US_CITIES[r.int(US_CITIES.length)]!;
    const state = US_STATES[r.int(US_STATES.length)]!;
    return [id, name, email, card, city, state, this.ts(n), ''];
  }
}

function kind(
  name: 'bid' | 'auction' | 'person',
  fields: readonly Field[],
  first: number,
  count: number,
): GeneratorKind {
  return {
    name: `nexmark.${name}`,
    description: `NEXMark ${name} events (${count} of every ${TOTAL} events)`,
    fields,
    timestamp: 'dateTime',
    create(params): EventGenerator {
      const g = new Nexmark(params);
      const make = name === 'bid' ? (n: number) => g.bid(n) : name === 'auction' ? (n: number) => g.auction(n) : (n: number) => g.person(n);
      return {
        eventsPerRow: TOTAL / count,
        fill(from, to, out) {
          // events of this kind are numbers with (n mod 50) in [first, first + count)
          let epoch = Math.floor(from / TOTAL);
          for (;;) {
            const base = epoch * TOTAL;
            if (base >= to) return;
            const lo = Math.max(from, base + first);
            const hi = Math.min(to, base + first + count);
            for (let n = lo; n < hi; n++) out.push(make(n));
            epoch++;
          }
        },
      };
    },
  };
}

export const NEXMARK_BID = kind('bid', BID_FIELDS, PERSON_PROPORTION + AUCTION_PROPORTION, TOTAL - PERSON_PROPORTION - AUCTION_PROPORTION);
export const NEXMARK_AUCTION = kind('auction', AUCTION_FIELDS, PERSON_PROPORTION, AUCTION_PROPORTION);
export const NEXMARK_PERSON = kind('person', PERSON_FIELDS, 0, PERSON_PROPORTION);

