/** The browser build's palettes (scripts/vite/precomputedPalettes.ts) are the library's own colours. */
import * as d3 from 'd3-scale-chromatic';
import { describe, expect, it } from 'vitest';
import { precomputedPalettes } from '../../scripts/vite/precomputedPalettes.ts';

async function precomputedModule(): Promise<Record<string, unknown>> {
  const plugin = precomputedPalettes();
  const id = (plugin.resolveId as (id: string) => string)('d3-scale-chromatic');
  const code = await (plugin.load as (id: string) => Promise<string>)(id);
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}

describe('precomputed palettes', () => {
  it('give exactly the library’s viridis at any t, and its schemes', async () => {
    const module = await precomputedModule();
    const viridis = module.interpolateViridis as (t: number) => string;
    for (let i = 0; i <= 1000; i++) expect(viridis(i / 1000), `t = ${i / 1000}`).toBe(d3.interpolateViridis(i / 1000));
    expect(module.schemeYlGnBu).toEqual(d3.schemeYlGnBu);
    expect(module.schemePuOr).toEqual(d3.schemePuOr);
    expect(module.schemeSet2).toEqual(d3.schemeSet2);
  });

  it('leave other modules alone', () => {
    expect((precomputedPalettes().resolveId as (id: string) => unknown)('d3-color')).toBeUndefined();
  });
});
