/** The hover card of a dot: its group and its LSOA (name and code). */
import { FormattedMessage } from 'react-intl';
import { areaName } from '../../data/areas.ts';
import { toCss } from '../../config/palette.ts';
import { useFormats } from '../../i18n/useText.ts';
import { useAsync } from '../../ui/useAsync.ts';
import type { ProviderTooltipProps } from '../providers/types.ts';
import type { DotObject } from './DotsLayer.tsx';

export default function DotsTooltip({ client, spec, hover }: ProviderTooltipProps) {
  const f = useFormats();
  const dot = hover.object as DotObject | undefined;
  const code = dot?.kind === 'dot' ? dot.code : undefined;
  const name = useAsync(async () => {
    if (!code) return undefined;
    const index = (await client.areas('lsoa')).indexOf.get(code);
    return index === undefined ? undefined : areaName(client, 'lsoa', index);
  }, [client, code]);
  if (!dot || dot.kind !== 'dot') return null;
  const category = spec.layer.classes.kind === 'categories' ? spec.layer.classes.categories[dot.group] : undefined;
  return (
    <div className="tooltip" style={{ transform: `translate(${hover.x + 14}px, ${hover.y + 14}px)` }} aria-hidden="true">
      <div className="tooltip__name">{name.value ?? dot.code}</div>
      <div className="tooltip__value">
        <span className="swatch" style={{ background: toCss(spec.colours[dot.group + 1] ?? spec.colours[0]) }} />
        <FormattedMessage id="dots.tooltip.group" defaultMessage="{group}" values={{ group: category ? f.t(category.label) : '' }} />
      </div>
      <div className="tooltip__value">
        <FormattedMessage id="dots.tooltip.lsoa" defaultMessage="LSOA {code}" values={{ code: dot.code }} />
      </div>
      <div className="tooltip__hint">
        <FormattedMessage id="tooltip.hint" defaultMessage="Click for details · Shift-click to add to a set" />
      </div>
    </div>
  );
}
