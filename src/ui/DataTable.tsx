/**
 * The table view: the same data as the map, as a sortable, filterable,
 * paged table. It is the keyboard and screen-reader way into the data:
 * choosing a row selects the area (and shows it on the map), and the
 * download gives exactly the rows shown.
 */
import { useEffect, useMemo, useState } from 'react';
import type { Msg } from '../config/catalogue/types.ts';
import { textColourOn, toCss } from '../config/palette.ts';
import { LEVEL_NAMES, VINTAGE } from '../config/levelText.ts';
import type { DataClient } from '../data/client.ts';
import { officialMeasures } from '../data/manifest.ts';
import type { Manifest } from '../data/schema.ts';
import { filterAndSort, loadTableData, parentOf, tableCsv, tableFileName, type TableRow } from '../data/tableRows.ts';
import { useFormats } from '../i18n/useText.ts';
import { selectedArea, useAppStore } from '../state/store.ts';
import type { TableColumn } from '../state/url.ts';
import { useViewSpec } from '../state/useViewSpec.ts';
import { useAsync } from './useAsync.ts';
import { saveText } from './saveText.ts';
import { catalogueText } from '../config/catalogue/texts/index.ts';

const m = (id: string, defaultMessage: string): Msg => ({ id, defaultMessage });

const MESSAGES = {
  title: m('table.title', 'Table'),
  authority: m('table.authority', 'Authority'),
  allEngland: m('table.allEngland', 'All of England'),
  download: m('table.download', 'Download CSV ({count, plural, one {# row} other {# rows}})'),
  backToMap: m('table.backToMap', 'Back to map'),
  loadError: m('table.loadError', 'The table could not be loaded: {error}'),
  loading: m('table.loading', 'Loading {levels}…'),
  noRows: m('table.noRows', 'No rows.'),
  rows: m('table.rows', 'Rows {from}–{to} of {total}.'),
  name: m('table.column.name', 'Name'),
  code: m('table.column.code', 'Code ({vintage})'),
  rank: m(
    'table.column.rank',
    'Rank ({polarity, select, higherIsWorse {1 = most deprived} other {1 = highest}})',
  ),
  caption: m('table.caption', '{layer} ({release}), {levels} {where}, by {measure}'),
  inEngland: m('table.inEngland', 'in England'),
  inLad: m('table.inLad', 'in {lad}'),
  pages: m('table.pages', 'Table pages'),
  previous: m('table.previous', 'Previous'),
  next: m('table.next', 'Next'),
  page: m('table.page', 'Page'),
  pageOf: m('table.pageOf', '{page} of {pages}'),
  none: m('format.none', '–'),
  badLad: m('table.badLad', 'The table filter {code} is not a {year} authority code, so the table shows all of England.'),
  classes: m('table.note.classes', '{className} 1 to {count} of the {total} {levels} in England. Areas without a figure in this release are shown as “–” and sorted last.'),
  weights: m('table.note.weights', 'Population-weighted figures use {weights}.'),
  official: m('table.note.official', 'Authority figures marked as official in the build are the published ones; the others are computed with the same method.'),
} satisfies Record<string, Msg>;

const PAGE_SIZE = 50;


export function DataTable({ client, manifest }: { client: DataClient; manifest: Manifest }) {
  const f = useFormats();
  const spec = useViewSpec(manifest);
  const { level, layer, measure, release } = spec;
  const tableLad = useAppStore((s) => s.tableLad);
  const sort = useAppStore((s) => s.sort);
  const selected = useAppStore(selectedArea);
  const selection = useAppStore((s) => s.selection);
  const { setTableLad, setSort, select, setView } = useAppStore.getState();
  const [page, setPage] = useState(0);

  const data = useAsync(() => loadTableData(client, spec), [client, spec]);
  const lads = useAsync(() => client.groupAreas('lad'), [client]);
  const ladOptions = useMemo(
    () => (lads.value ? lads.value.codes.map((code, i) => ({ code, name: lads.value!.names[i] })).sort((a, b) => a.name.localeCompare(b.name)) : []),
    [lads.value],
  );
  // Rows can be filtered by authority when they have one as a parent (not the authorities themselves).
  const parentLevel = data.value?.rows[0] && parentOf(data.value.rows[0])?.level;
  const filterable = !!data.value?.rows[0]?.parents.some((p) => p.level === 'lad');
  const filterLad = filterable ? tableLad : null;
  const rows = useMemo(() => (data.value ? filterAndSort(data.value.rows, filterLad, sort) : []), [data.value, filterLad, sort]);
  const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  useEffect(() => setPage(0), [spec.key, filterLad, sort]);
  const shown = rows.slice(page * PAGE_SIZE, page * PAGE_SIZE + PAGE_SIZE);
  const selectedCodes = new Set(selection?.kind === 'areas' ? selection.codes : selected ? [selected] : []);

  const ladName = ladOptions.find((l) => l.code === filterLad)?.name;
  useEffect(() => {
    if (tableLad && lads.value && !lads.value.indexOf.has(tableLad)) {
      useAppStore.getState().notify({ msg: MESSAGES.badLad, values: { code: tableLad, year: String(manifest.vintages.lad) } });
      setTableLad(null);
    }
  }, [tableLad, lads.value, manifest, setTableLad]);

  const vintage = f.t(VINTAGE, { level: f.t(LEVEL_NAMES[level].short), year: String(manifest.vintages[level]) });
  const columns: { key: TableColumn; label: string; numeric?: boolean }[] = [
    { key: 'name', label: f.t(MESSAGES.name) },
    { key: 'code', label: f.t(MESSAGES.code, { vintage }) },
    ...(parentLevel ? [{ key: 'parent' as const, label: f.t(LEVEL_NAMES[parentLevel].short) }] : []),
    { key: 'value', label: f.t(measure.label), numeric: true },
    ...(measure.ranked ? [{ key: 'rank' as const, label: f.t(MESSAGES.rank, { polarity: measure.polarity }), numeric: true }] : []),
    { key: 'class', label: f.t(spec.className), numeric: true },
  ];

  const toggleSort = (column: TableColumn) =>
    setSort({ column, direction: sort.column === column && sort.direction === 'asc' ? 'desc' : 'asc' });

  const chooseRow = (row: TableRow) => {
    select(row.code, { fly: true });
    if (window.matchMedia('(max-width: 720px)').matches) setView('map');
  };

  const caption = f.t(MESSAGES.caption, {
    layer: f.t(layer.label),
    release: f.t(release.label),
    levels: f.t(LEVEL_NAMES[level].plural),
    where: filterLad ? f.t(MESSAGES.inLad, { lad: ladName ?? filterLad }) : f.t(MESSAGES.inEngland),
    measure: f.t(measure.label),
  });
  const weighted = Boolean(spec.measure.populationWeighted);

  return (
    <section className="table-view" aria-labelledby="table-title">
      <div className="table-view__head">
        <h2 id="table-title">{f.t(MESSAGES.title)}</h2>
        <div className="table-view__tools">
          <label className="field field--inline">
            <span className="field__label">{f.t(MESSAGES.authority)}</span>
            <select
              value={filterLad ?? ''}
              disabled={!filterable}
              onChange={(event) => {
                const code = event.target.value || null;
                setTableLad(code);
                // Show the authority on the map beside the table.
                if (code) useAppStore.getState().flyTo(code);
              }}
            >
              <option value="">{f.t(MESSAGES.allEngland)}</option>
              {ladOptions.map((lad) => (
                <option key={lad.code} value={lad.code}>
                  {lad.name}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="button"
            disabled={!data.value || rows.length === 0}
            onClick={() => data.value && saveText(tableFileName(data.value, filterLad), tableCsv(data.value, rows))}
          >
            {f.t(MESSAGES.download, { count: rows.length })}
          </button>
          <button type="button" className="button button--quiet only-narrow" onClick={() => setView('map')}>
            {f.t(MESSAGES.backToMap)}
          </button>
        </div>
      </div>
      {data.error && <p role="alert">{f.t(MESSAGES.loadError, { error: data.error.message })}</p>}
      {!data.value && !data.error && <p aria-busy="true">{f.t(MESSAGES.loading, { levels: f.t(LEVEL_NAMES[level].plural) })}</p>}
      {data.value && (
        <>
          <p className="table-view__count" role="status">
            {rows.length === 0
              ? f.t(MESSAGES.noRows)
              : f.t(MESSAGES.rows, { from: f.integer(page * PAGE_SIZE + 1), to: f.integer(page * PAGE_SIZE + shown.length), total: f.integer(rows.length) })}
          </p>
          <div className="table-scroll">
            <table className="data-table" aria-rowcount={rows.length + 1}>
              <caption>{caption}</caption>
              <thead>
                <tr aria-rowindex={1}>
                  {columns.map((column) => (
                    <th
                      key={column.key}
                      scope="col"
                      className={column.numeric ? 'numeric' : undefined}
                      aria-sort={sort.column === column.key ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined}
                    >
                      <button type="button" className="sort-button" onClick={() => toggleSort(column.key)}>
                        {column.label}
                        <span aria-hidden="true" className="sort-button__mark">
                          {sort.column === column.key ? (sort.direction === 'asc' ? '▲' : '▼') : '↕'}
                        </span>
                      </button>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {shown.map((row, i) => {
                  const colour = spec.colours[row.class] ?? spec.colours[0];
                  const isSelected = selectedCodes.has(row.code);
                  return (
                    <tr key={row.code} aria-rowindex={page * PAGE_SIZE + i + 2} aria-selected={isSelected} className={isSelected ? 'selected' : undefined}>
                      <th scope="row">
                        <button type="button" className="link-button" onClick={() => chooseRow(row)}>
                          {row.name}
                        </button>
                      </th>
                      <td>
                        <code>{row.code}</code>
                      </td>
                      {parentLevel && <td>{parentOf(row)?.name}</td>}
                      <td className="numeric">{f.measure(measure, row.value)}</td>
                      {measure.ranked && <td className="numeric">{row.rank === null ? f.t(MESSAGES.none) : f.integer(row.rank)}</td>}
                      <td className="numeric">
                        {row.class > 0 ? (
                          <span className="decile-chip" style={{ background: toCss(colour), color: textColourOn(colour) }}>
                            {f.integer(row.class)}
                          </span>
                        ) : (
                          f.t(MESSAGES.none)
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <nav className="pager" aria-label={f.t(MESSAGES.pages)}>
            <button type="button" className="button button--quiet" disabled={page === 0} onClick={() => setPage(page - 1)}>
              {f.t(MESSAGES.previous)}
            </button>
            <label className="field field--inline">
              <span className="field__label">{f.t(MESSAGES.page)}</span>
              <select value={page} onChange={(event) => setPage(Number(event.target.value))}>
                {Array.from({ length: pages }, (_, p) => (
                  <option key={p} value={p}>
                    {f.t(MESSAGES.pageOf, { page: f.integer(p + 1), pages: f.integer(pages) })}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" className="button button--quiet" disabled={page >= pages - 1} onClick={() => setPage(page + 1)}>
              {f.t(MESSAGES.next)}
            </button>
          </nav>
          <div className="note">
            <p>
              {catalogueText(layer.description)} {catalogueText(measure.description)}
            </p>
            <p>
              {f.t(MESSAGES.classes, {
                className: f.t(spec.className),
                count: f.integer(spec.scheme.classCount(layer.classes)),
                total: f.integer(data.value.total),
                levels: f.t(LEVEL_NAMES[level].plural),
              })}
              {weighted && <> {f.t(MESSAGES.weights, { weights: manifest.weights.description })}</>}
              {weighted && officialMeasures(manifest, layer, level, spec.release.id).includes(measure.id) && <> {f.t(MESSAGES.official)}</>}
            </p>
          </div>
        </>
      )}
    </section>
  );
}

/** Whether the build marks some of this layer's figures at this level as the published ones. */
