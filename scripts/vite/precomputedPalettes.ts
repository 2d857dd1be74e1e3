/**
 * d3-scale-chromatic ships one module whose palettes are all built at load
 * time, so a bundler cannot drop the ones the app does not use (about 9 KB
 * gzip of the first load, with d3-color). This Vite plugin runs the library
 * in Node at build time and gives the browser bundle a module of plain
 * constants holding the library's own colours, of which the bundler keeps
 * only what the app imports: the same values, none of the weight. Colours
 * are stored as the library stores them, six hex digits each in one string.
 * Node (pipeline, tests outside Vite) imports the library itself;
 * tests/scripts/precomputedPalettes.test.ts checks both agree.
 */
import type { Plugin } from 'vite';

const VIRTUAL_ID = '\0precomputed-d3-scale-chromatic';

const hex = (colours: readonly string[]) => JSON.stringify(colours.map((colour) => colour.slice(1)).join(''));

function isColourList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((entry) => typeof entry === 'string' && /^#[0-9a-f]{6}$/.test(entry));
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
      const lines = ['const colours = (specifier) => specifier.match(/.{6}/g).map((x) => "#" + x);'];
      for (const [name, value] of Object.entries(d3)) {
        if (typeof value === 'function' && name.startsWith('interpolate')) {
          // A continuous palette as the library samples it: 256 colours picked by floor(t × 256).
          const table = Array.from({ length: 256 }, (_, i) => (value as (t: number) => string)((i + 0.5) / 256));
          if (!isColourList(table)) continue;
          lines.push(`const ${name}Table = /*#__PURE__*/ colours(${hex(table)});`);
          lines.push(`export const ${name} = (t) => ${name}Table[Math.max(0, Math.min(255, Math.floor(t * 256)))];`);
        } else if (isColourList(value)) {
          lines.push(`export const ${name} = /*#__PURE__*/ colours(${hex(value)});`);
        } else if (Array.isArray(value) && value.every((entry) => entry === undefined || isColourList(entry))) {
          // The library's schemes by size are sparse: scheme[k] exists from k = 3.
          const entries = Array.from(value, (entry) => (entry === undefined ? '' : `colours(${hex(entry as string[])})`));
          lines.push(`export const ${name} = /*#__PURE__*/ (() => [${entries.join(',')}${value[value.length - 1] === undefined ? ',' : ''}])();`);
        }
      }
      return lines.join('\n');
    },
  };
}
