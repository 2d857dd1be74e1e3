/**
 * A minimal reader of Mapbox Vector Tiles for the dot worker: the polygons of
 * one layer with their `code` property, as flat rings in tile units (0–4096
 * inside the tile, a little beyond in its buffer). Only what the pipeline
 * writes is read (polygon features, a string `code`); anything else is
 * skipped. It is small on purpose: the dot worker must not pull deck.gl's
 * loaders into its bundle. Specification: github.com/mapbox/vector-tile-spec (2.1).
 */

/** One area of a tile: every ring of its polygons (outer rings and holes alike), each as [x0, y0, x1, y1, …]. */
export interface TileFeature {
  code: string;
  rings: Float64Array[];
}

export interface DecodedLayer {
  extent: number;
  features: TileFeature[];
}

class Reader {
  pos = 0;
  constructor(readonly buf: Uint8Array) {}
  varint(): number {
    let result = 0;
    let shift = 0;
    for (;;) {
      const b = this.buf[this.pos++];
      result += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return result;
      shift += 7;
    }
  }
  /** Skips a field of wire type `type`. */
  skip(type: number): void {
    if (type === 0) this.varint();
    else if (type === 1) this.pos += 8;
    else if (type === 2) this.pos += this.varint();
    else if (type === 5) this.pos += 4;
    else throw new Error(`unsupported protobuf wire type ${type}`);
  }
  string(end: number): string {
    return new TextDecoder().decode(this.buf.subarray(this.pos, end));
  }
}

const zigzag = (n: number) => (n % 2 === 1 ? -(n + 1) / 2 : n / 2);

/** The rings of a polygon feature's command stream (MoveTo, LineTo, ClosePath with zigzag deltas). */
function decodeRings(commands: number[]): Float64Array[] {
  const rings: Float64Array[] = [];
  let x = 0;
  let y = 0;
  let ring: number[] = [];
  for (let i = 0; i < commands.length; ) {
    const header = commands[i++];
    const id = header & 7;
    const count = header >>> 3;
    if (id === 7) {
      if (ring.length >= 6) rings.push(Float64Array.from(ring));
      ring = [];
      continue;
    }
    for (let k = 0; k < count; k++) {
      x += zigzag(commands[i++]);
      y += zigzag(commands[i++]);
      if (id === 1) {
        if (ring.length >= 6) rings.push(Float64Array.from(ring));
        ring = [];
      }
      ring.push(x, y);
    }
  }
  if (ring.length >= 6) rings.push(Float64Array.from(ring));
  return rings;
}

function packed(reader: Reader): number[] {
  const end = reader.varint() + reader.pos;
  const out: number[] = [];
  while (reader.pos < end) out.push(reader.varint());
  return out;
}

/** The polygons of layer `name` of a tile (decompressed MVT bytes), or null if the tile has no such layer. */
export function decodeLayer(bytes: Uint8Array, name: string): DecodedLayer | null {
  const reader = new Reader(bytes);
  while (reader.pos < bytes.length) {
    const tag = reader.varint();
    if (tag >>> 3 !== 3 || (tag & 7) !== 2) {
      reader.skip(tag & 7);
      continue;
    }
    const end = reader.varint() + reader.pos;
    const layer = readLayer(reader, end);
    reader.pos = end;
    if (layer.name === name) return { extent: layer.extent, features: layer.features };
  }
  return null;
}

function readLayer(reader: Reader, end: number): { name: string; extent: number; features: TileFeature[] } {
  let name = '';
  let extent = 4096;
  const keys: string[] = [];
  const values: (string | null)[] = [];
  const raw: { tags: number[]; type: number; geometry: number[] }[] = [];
  while (reader.pos < end) {
    const tag = reader.varint();
    const field = tag >>> 3;
    if (field === 1) {
      const length = reader.varint();
      name = reader.string(reader.pos + length);
      reader.pos += length;
    } else if (field === 2) {
      const featureEnd = reader.varint() + reader.pos;
      const feature = { tags: [] as number[], type: 0, geometry: [] as number[] };
      while (reader.pos < featureEnd) {
        const t = reader.varint();
        const f = t >>> 3;
        if (f === 2) feature.tags = packed(reader);
        else if (f === 3) feature.type = reader.varint();
        else if (f === 4) feature.geometry = packed(reader);
        else reader.skip(t & 7);
      }
      raw.push(feature);
    } else if (field === 3) {
      const length = reader.varint();
      keys.push(reader.string(reader.pos + length));
      reader.pos += length;
    } else if (field === 4) {
      const valueEnd = reader.varint() + reader.pos;
      let value: string | null = null;
      while (reader.pos < valueEnd) {
        const t = reader.varint();
        if (t >>> 3 === 1 && (t & 7) === 2) {
          const length = reader.varint();
          value = reader.string(reader.pos + length);
          reader.pos += length;
        } else reader.skip(t & 7);
      }
      values.push(value);
    } else if (field === 5) extent = reader.varint();
    else reader.skip(tag & 7);
  }
  const codeKey = keys.indexOf('code');
  const features: TileFeature[] = [];
  for (const feature of raw) {
    if (feature.type !== 3) continue;
    let code: string | null = null;
    for (let i = 0; i + 1 < feature.tags.length; i += 2) if (feature.tags[i] === codeKey) code = values[feature.tags[i + 1]];
    if (code === null) continue;
    const rings = decodeRings(feature.geometry);
    if (rings.length) features.push({ code, rings });
  }
  return { name, extent, features };
}
