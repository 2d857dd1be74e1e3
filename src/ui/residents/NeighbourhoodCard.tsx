/**
 * The card of the place's neighbourhood: its name (the MSOA, as the House of
 * Commons Library names it), the small area (LSOA) with its code, its ward
 * and authority with their vintages, and its IMD 2025 decile in plain words,
 * with one sentence on what the Index measures.
 */
import { layerById } from '../../config/catalogue/index.ts';
import { schemeKind } from '../../config/classSchemes.ts';
import { LEVEL_NAMES, VINTAGE } from '../../config/levelText.ts';
import { textColourOn, toCss } from '../../config/palette.ts';
import { CARD_LAYER, type NeighbourhoodCardData } from '../../data/neighbourhoodCard.ts';
import type { Manifest } from '../../data/schema.ts';
import { useFormats } from '../../i18n/useText.ts';
import type { Level } from '../../config/geography.ts';
import { useAppStore } from '../../state/store.ts';
import { usePromise } from './placeData.ts';
import { CARD } from './messages.ts';

/** The MSOA vintage: MSOAs are built from the LSOAs of the same census. */
const msoaYear = (manifest: Manifest) => String(manifest.vintages.lsoa);

/** The decile's colour on the map (the IMD layer's scheme), so the card and the map agree. */
function decileStyle(decile: number): React.CSSProperties | undefined {
  const layer = layerById(CARD_LAYER);
  const colour = layer && schemeKind(layer.classes).colours(layer.classes, layer.palette)[decile - 1];
  return colour ? { background: toCss(colour), color: textColourOn(colour) } : undefined;
}

export function NeighbourhoodCardView({ card, manifest }: { card: NeighbourhoodCardData; manifest: Manifest }) {
  const f = useFormats();
  const setPlace = useAppStore((s) => s.setPlace);
  const select = useAppStore((s) => s.select);
  const vintage = (level: Level) => f.t(VINTAGE, { level: f.t(LEVEL_NAMES[level].short), year: String(manifest.vintages[level]) });
  const areas = [
    { key: 'lsoa', label: f.t(CARD.lsoa), ref: card.lsoa, vintage: vintage('lsoa') },
    card.ward && { key: 'ward', label: f.t(LEVEL_NAMES.ward.short), ref: card.ward, vintage: vintage('ward') },
    card.lad && { key: 'lad', label: f.t(LEVEL_NAMES.lad.short), ref: card.lad, vintage: vintage('lad') },
  ].filter((row) => !!row);

  const moreAbout = () => {
    setPlace(null);
    select(card.lsoa.code, { fly: true });
  };

  return (
    <section className="near-card" aria-labelledby="near-card-title">
      <p className="panel__kicker">{f.t(CARD.kicker)}</p>
      <h3 id="near-card-title" className="near-card__title">
        {card.msoa?.name ?? card.lsoa.name}
      </h3>
      {card.decile !== null ? (
        <p className="near-card__decile">
          <span className="near-card__decile-chip" aria-hidden="true" style={decileStyle(card.decile)}>
            {f.integer(card.decile)}
          </span>
          {f.t(CARD.decile, { decile: card.decile })}
        </p>
      ) : (
        <p className="note">{f.t(CARD.noDecile)}</p>
      )}
      <dl className="panel__parents near-card__areas">
        {areas.map((row) => (
          <div key={row.key} className="near-card__area">
            <dt>{row.label}</dt>
            <dd>{f.t(CARD.area, { name: row.ref.name, vintage: row.vintage, code: row.ref.code })}</dd>
          </div>
        ))}
      </dl>
      {card.msoa && <p className="note near-card__msoa">{f.t(CARD.msoa, { year: msoaYear(manifest), code: card.msoa.code })}</p>}
      {card.decile !== null && <p className="note near-card__imd">{f.t(CARD.imd, { decile: card.decile, count: f.integer(manifest.counts.lsoa) })}</p>}
      <p className="near-card__more">
        <button type="button" className="button button--quiet near-button" onClick={moreAbout}>
          {f.t(CARD.more)}
        </button>
      </p>
    </section>
  );
}

/** The card of an LSOA, once loaded (placeData.ts). */
export function NeighbourhoodCard({ card, lsoa, manifest }: { card: Promise<NeighbourhoodCardData | null>; lsoa: string; manifest: Manifest }) {
  const f = useFormats();
  const state = usePromise(card);
  if (state.error) return <p role="alert">{f.t(CARD.failed, { error: state.error.message })}</p>;
  if (state.loading) return <p aria-busy="true">{f.t(CARD.loading)}</p>;
  if (!state.value) return <p role="alert">{f.t(CARD.notAnArea, { code: lsoa })}</p>;
  return <NeighbourhoodCardView card={state.value} manifest={manifest} />;
}
