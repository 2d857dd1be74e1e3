/** The hover card of an area: its name, its class and, once loaded, its value. */
import { FormattedMessage } from 'react-intl';
import { areaName } from '../data/areas.ts';
import type { DataClient } from '../data/client.ts';
import type { ChoroplethData } from '../map/providers/choropleth.tsx';
import { useFormats } from '../i18n/useText.ts';
import { toCss } from '../config/palette.ts';
import { useAsync } from './useAsync.ts';
import { catalogueText } from '../config/catalogue/texts/index.ts';

interface Props {
  client: DataClient;
  code: string | null;
  x: number;
  y: number;
  data: ChoroplethData | null;
}

export function AreaTooltip({ client, code, x, y, data }: Props) {
  const f = useFormats();
  const spec = data?.spec;
  const index = code && data ? data.indexOf.get(code) : undefined;
  const name = useAsync(() => (index === undefined || !spec ? undefined : areaName(client, spec.level, index)), [client, spec?.level, index]);
  const values = useAsync(() => (spec ? client.values(spec.paths.values) : undefined), [client, spec?.paths.values]);
  if (!spec || index === undefined || !data) return null;
  const cls = data.classes[index] ?? 0;
  const measureValues = values.value?.measures[spec.measure.id];
  const value = measureValues?.value[spec.releaseIndex]?.[index];
  return (
    <div className="tooltip" style={{ transform: `translate(${x + 14}px, ${y + 14}px)` }} aria-hidden="true">
      <div className="tooltip__name">{name.value ?? code}</div>
      <div className="tooltip__value">
        <span className="swatch" style={{ background: toCss(spec.colours[cls] ?? spec.colours[0]) }} />
        {cls === 0 ? (
          (spec.release.missing ? catalogueText(spec.release.missing) : f.t({ id: 'tooltip.noValue', defaultMessage: 'No value' }))
        ) : (
          <FormattedMessage
            id="tooltip.class"
            defaultMessage="{layer} {release}: {className} {class}"
            values={{ layer: f.t(spec.layer.short), release: f.t(spec.release.label), className: f.t(spec.className).toLowerCase(), class: cls }}
          />
        )}
      </div>
      {value !== undefined && value !== null && (
        <div className="tooltip__value">
          <FormattedMessage id="tooltip.value" defaultMessage="{measure}: {value}" values={{ measure: f.t(spec.measure.short), value: f.measure(spec.measure, value) }} />
        </div>
      )}
      <div className="tooltip__hint">
        <FormattedMessage id="tooltip.hint" defaultMessage="Click for details · Shift-click to add to a set" />
      </div>
    </div>
  );
}
