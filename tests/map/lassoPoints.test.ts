/** The data client's LSOA points (areas/lsoa-points.json): fetched once, as a Float64Array. */
import { describe, expect, it } from 'vitest';
import { createDataClient } from '../../src/data/client.ts';
import { dataPaths } from '../../src/data/schema.ts';

describe('client.lsoaPoints', () => {
  it('reads the flattened [lng, lat] of every LSOA once', async () => {
    const requested: string[] = [];
    const client = createDataClient('data/', async (url) => {
      requested.push(String(url));
      return new Response(JSON.stringify({ points: [-0.09627, 51.51959, -0.09168, 51.51919] }));
    });
    const points = await client.lsoaPoints();
    expect(points).toBeInstanceOf(Float64Array);
    expect(Array.from(points)).toEqual([-0.09627, 51.51959, -0.09168, 51.51919]);
    expect(await client.lsoaPoints()).toBe(points);
    expect(requested).toEqual([`data/${dataPaths.lsoaPoints}`]);
    expect(dataPaths.lsoaPoints).toBe('areas/lsoa-points.json');
  });
});
