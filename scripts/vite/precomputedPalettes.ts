/**
 * d3-scale-chromatic ships one module whose palettes are all built at load
 * time, so a bundler cannot drop the ones the app does not use (about 9 KB
 * gzip of the first load, with d3-color). This Vite plugin runs the library
 * in Node at build time and gives the browser bundle a module with only the
 * exports the app imports, holding the library's own colours: the same
 * values, none of the weight. Node (pipeline, tests outside Vite) imports the
 * library itself; tests/config/palette.test.ts checks both agree.
 */
import type { Plugin } from 'vite';

const VIRTUAL_ID = '\0precomputed-d3-scale-chromatic';

/** A continuous interpolator sampled as the library stores it: 256 colours picked by floor(t × 256). */
async function sampledInterpolator(name: string): Promise<string> {
  const d3 = (await import('d3-scale-chromatic')) as unknown as Record<string, (t: number) => string>;
  const colours = Array.from({ length: 256 }, (_, i) => d3[name]((i + 0.5) / 256));
  return `const ${name}Colours = ${JSON.stringify(colours)};\nexport const ${name} = (t) => ${name}Colours[Math.max(0, Math.min(255, Math.floor(t * 256)))];\n`;
}

async function scheme(name: string): Promise<string> {
  const d3 = (await import('d3-scale-chromatic')) as unknown as Record<string, unknown>;
  // The library's schemes are sparse (scheme[k] exists from k = 3); keep the holes, as JSON would write them null.
  const value = d3[name] as unknown[];
  const literal = Array.isArray(value) ? `[${Array.from(value, (entry) => (entry === undefined ? '' : JSON.stringify(entry))).join(',')}${value.length && value[value.length - 1] === undefined ? ',' : ''}]` : JSON.stringify(value);
  return `export const ${name} = ${literal};\n`;
}

export function precomputedPalettes(): Plugin {
  return {
    name: 'precomputed-palettes',
    enforce: 'pre',
    apply: 'build',
    resolveId(id) {
      return id === 'd3-scale-chromatic' ? VIRTUAL_ID : undefined;
    },
    async load(id) {
      if (id !== VIRTUAL_ID) return undefined;
      const d3 = (await import('d3-scale-chromatic')) as unknown as Record<string, unknown>;
      const parts = await Promise.all(
        Object.keys(d3).map((name) => (name.startsWith('interpolate') ? sampledInterpolator(name) : name.startsWith('scheme') ? scheme(name) : '')),
      );
      // Every palette of the library is offered; the bundler keeps only what is imported (these are plain constants).
      return parts.join('');
    },
  };
}
