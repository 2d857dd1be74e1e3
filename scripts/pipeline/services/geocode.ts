/**
 * Placing services: through the postcode table the build already read (OS
 * Code-Point Open, England; scripts/pipeline/postcodes.ts), and, where a
 * source gives its own point and its postcode is not in the table, at that
 * point if it is in England.
 *
 * "In England" for a point is tested the simplest honest way: an English
 * postcode's centroid lies within 1 km (postcodes are dense wherever people
 * are; the Welsh and Scottish sides of a border are more than 1 km from most
 * English postcodes). A postcode not in the table is outside England when its
 * area lies wholly in Scotland, Wales, Northern Ireland or the islands;
 * otherwise (not current, mistyped, or across the border in an area on both
 * sides of one) the record is counted as not placed, with an example.
 *
 * Every record a source reads ends in exactly one of: left out on purpose
 * (closed, outside England, not a GP practice…, by reason), placed, or not
 * placed (with "name (postcode): why"); GeocodingTally counts them for the
 * build log and the manifest.
 */
import { nationOf, type Nation } from '../../../src/data/postcodes.ts';
import type { GeocodingRecord, ServiceLocation } from '../../../src/data/servicesSchema.ts';
import type { ServiceTypeId } from '../../../src/config/serviceTypes.ts';
import { nearestPoints, pointGrid, type PointGrid } from '../../../src/stats/nearest.ts';
import type { PostcodeTable } from '../postcodes.ts';

/** A source's own point counts as in England within this distance of an English postcode. */
export const ENGLAND_REACH_METRES = 1000;
/** Examples of records not placed kept per source file (GeocodingRecord.failedExamples). */
export const MAX_FAILED_EXAMPLES = 20;
/** Examples kept per reason for leaving records out (build log and manifest `skipped`). */
const MAX_EXCLUDED_EXAMPLES = 5;

const POSTCODE = /^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})$/;

const NATION_NAMES: Record<Exclude<Nation, 'england' | 'border'>, string> = {
  scotland: 'Scotland',
  wales: 'Wales',
  northernIreland: 'Northern Ireland',
  crownDependency: 'the Channel Islands or the Isle of Man',
};

/** A postcode as a source wrote it, upper case without spaces ("b15 2tt" → "B152TT"). */
export function compactPostcode(text: string): string {
  return text.toUpperCase().replace(/[\s\u00a0]+/g, '');
}

/** Rounded to 5 decimals (about a metre), as the files store coordinates. */
export function round5(value: number): number {
  return Math.round(value * 1e5) / 1e5;
}

export interface Placed {
  lng: number;
  lat: number;
  located: ServiceLocation;
  /** "B15 2TT", when the postcode was found in the table. */
  postcode?: string;
}

/** Where a record goes: placed, left out as outside England, or not placed (and why). */
export type Placement = { placed: Placed } | { outside: string } | { failed: string };

/** What the postcode table says of a postcode as a source wrote it. */
export type PostcodeOutcome =
  | { found: number; postcode: string }
  | { blank: true }
  | { malformed: string }
  | { outside: string }
  | { unknown: string };

export class Geocoder {
  private readonly index = new Map<string, number>();
  private grid: PointGrid | undefined;

  constructor(private readonly table: PostcodeTable) {
    table.postcodes.forEach((postcode, i) => this.index.set(postcode.replace(' ', ''), i));
  }

  /** Looks a postcode up in the table, and says why when it is not there. */
  postcode(text: string | undefined): PostcodeOutcome {
    const compact = compactPostcode(text ?? '');
    if (compact === '') return { blank: true };
    const match = POSTCODE.exec(compact);
    if (!match) return { malformed: (text ?? '').trim() };
    const at = this.index.get(compact);
    const postcode = `${match[1]} ${match[2]}`;
    if (at !== undefined) return { found: at, postcode };
    const nation = nationOf(match[1]);
    if (nation === 'england' || nation === 'border') return { unknown: postcode };
    return { outside: `outside England (postcode in ${NATION_NAMES[nation]})` };
  }

  /** The centroid of postcode `index` of the table. */
  centroid(index: number): { lng: number; lat: number } {
    return { lng: round5(this.table.lng[index]), lat: round5(this.table.lat[index]) };
  }

  /** Whether a point is within ENGLAND_REACH_METRES of an English postcode's centroid. */
  inEngland(lng: number, lat: number): boolean {
    if (!this.grid) {
      const points = new Float64Array(this.table.postcodes.length * 2);
      for (let i = 0; i < this.table.postcodes.length; i++) {
        points[2 * i] = this.table.lng[i];
        points[2 * i + 1] = this.table.lat[i];
      }
      // Cells of 0.01° (about 1.1 by 0.7 km): a query looks at a few dozen postcodes, not thousands.
      this.grid = pointGrid(points, 0.01);
    }
    return nearestPoints(this.grid, lng, lat, { limit: 1, withinMetres: ENGLAND_REACH_METRES }).length > 0;
  }

  /**
   * Places a record: at its postcode's centroid when the postcode is in the
   * table; else at the source's own point when there is one and it is in
   * England (else outside England); else outside England by the postcode's
   * area, or not placed.
   */
  place(postcodeText: string | undefined, own?: { lng: number; lat: number }): Placement {
    const outcome = this.postcode(postcodeText);
    if ('found' in outcome) return { placed: { ...this.centroid(outcome.found), located: 'postcode', postcode: outcome.postcode } };
    if (own) {
      if (this.inEngland(own.lng, own.lat)) return { placed: { lng: round5(own.lng), lat: round5(own.lat), located: 'source' } };
      return { outside: `outside England (its point more than ${ENGLAND_REACH_METRES / 1000} km from every English postcode)` };
    }
    if ('outside' in outcome) return { outside: outcome.outside };
    if ('blank' in outcome) return { failed: 'no postcode' };
    if ('malformed' in outcome) return { failed: `"${outcome.malformed}" is not a postcode` };
    return { failed: 'postcode not in Code-Point Open England' };
  }
}

/** Counts what became of the records of one source file (GeocodingRecord), with examples. */
export class GeocodingTally {
  read = 0;
  placed = 0;
  merged = 0;
  private readonly failures: string[] = [];
  private readonly excluded = new Map<string, string[]>();
  private readonly excludedCounts = new Map<string, number>();

  constructor(
    readonly type: ServiceTypeId,
    readonly source: string,
    readonly file: string,
  ) {}

  /** A record left out on purpose, by reason ("closed", "outside England (postcode in Wales)"). */
  exclude(reason: string, example: string): void {
    this.excludedCounts.set(reason, (this.excludedCounts.get(reason) ?? 0) + 1);
    let examples = this.excluded.get(reason);
    if (!examples) this.excluded.set(reason, (examples = []));
    if (examples.length < MAX_EXCLUDED_EXAMPLES) examples.push(example);
  }

  /** A record kept but not placed: "name (postcode): why". */
  fail(name: string, postcode: string | undefined, why: string): void {
    this.failures.push(`${name}${postcode?.trim() ? ` (${postcode.trim()})` : ''}: ${why}`);
  }

  /** Counts where a record ended up (left out as outside England, not placed, or placed); its place, if it has one. */
  settle(placement: Placement, name: string, postcode: string | undefined, example: string): Placed | undefined {
    if ('outside' in placement) this.exclude(placement.outside, example);
    else if ('failed' in placement) this.fail(name, postcode, placement.failed);
    else {
      this.placed++;
      return placement.placed;
    }
    return undefined;
  }

  get failed(): number {
    return this.failures.length;
  }

  /** Records left out, by reason, with up to five examples each (for the build log and the manifest's `skipped`). */
  exclusions(): { reason: string; count: number; examples: string[] }[] {
    return [...this.excludedCounts.entries()].map(([reason, count]) => ({ reason, count, examples: this.excluded.get(reason)! }));
  }

  /** Every record not placed, "name (postcode): why" (the record keeps the first MAX_FAILED_EXAMPLES). */
  get failedList(): readonly string[] {
    return this.failures;
  }

  record(): GeocodingRecord {
    const excludedTotal = [...this.excludedCounts.values()].reduce((a, b) => a + b, 0);
    const kept = this.read - excludedTotal;
    if (kept !== this.placed + this.failed) {
      throw new Error(`${this.file}: ${this.read} read, ${excludedTotal} left out, ${this.placed} placed and ${this.failed} not placed do not add up`);
    }
    return {
      type: this.type,
      source: this.source,
      file: this.file,
      read: this.read,
      kept,
      placed: this.placed,
      failed: this.failed,
      failedExamples: this.failures.slice(0, MAX_FAILED_EXAMPLES),
      excluded: Object.fromEntries(this.excludedCounts),
      ...(this.merged > 0 ? { merged: this.merged } : {}),
    };
  }
}
