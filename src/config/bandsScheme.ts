/**
 * The 'bands' class scheme (catalogue/types.ts): classes cut at fixed limits
 * per measure (distances up to 500 m, 1 km…; shares none, up to a quarter…),
 * read like quantiles — the class files hold the limits as breaks — but
 * named bands. Only a later theme's layers use it (the access layer), so it
 * is registered when their entries load (import this module for its effect).
 */
import { quantiles, registerSchemeKind } from './classSchemes.ts';
import type { Msg } from './catalogue/types.ts';

const m = (id: string, defaultMessage: string): Msg => ({ id, defaultMessage });

const classCount = (spec: { limits: Record<string, readonly number[]> }) => Object.values(spec.limits)[0].length + 1;

registerSchemeKind('bands', {
  classCount,
  className: () => m('class.band', 'Band'),
  colours: (spec, palette) => quantiles.colours({ kind: 'quantiles', count: classCount(spec) }, palette),
  legend(spec, palette, context) {
    const model = quantiles.legend({ kind: 'quantiles', count: classCount(spec) }, palette, context);
    return {
      ...model,
      bins: model.bins.map((bin) => ({
        ...bin,
        // A band of one value (shares of exactly none): that value, not "0% – 0%"; the next band then starts above it.
        label: bin.labelValues.from !== '' && bin.labelValues.from === bin.labelValues.to ? m('legend.bands.exactly', '{to}') : bin.label,
        description: m('legend.bands.binDescription', 'Band {n} of {count}'),
      })),
    };
  },
});
