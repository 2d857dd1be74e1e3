/**
 * The table view: the same data as the map, as a sortable, filterable,
 * paged table. It is the keyboard and screen-reader way into the data:
 * choosing a row selects the area (and shows it on the map), and the
 * download gives exactly the rows shown.
 */
import { useEffect, useMemo, useState } from 'react';
import { indicatorById } from '../config/indicators.ts';
import { LEVEL_LABELS } from '../config/geography.ts';
import { MEASURE_INFO } from '../config/measures.ts';
import { DECILE_COLOURS, textColourOn, toCss } from '../config/palette.ts';
import type { DataClient } from '../data/client.ts';
import type { Manifest } from '../data/schema.ts';
import { filterAndSort, loadTableData, tableCsv, tableFileName, type TableRow } from '../data/tableRows.ts';
import { useAppStore } from '../state/store.ts';
import type { TableColumn } from '../state/url.ts';
import { formatInteger, formatMeasure } from './format.ts';
import { useAsync } from './useAsync.ts';

const PAGE_SIZE = 50;

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function DataTable({ client, manifest }: { client: DataClient; manifest: Manifest }) {
  const level = useAppStore((s) => s.level);
  const indicator = useAppStore((s) => s.indicator);
  const measure = useAppStore((s) => s.measure);
  const tableLad = useAppStore((s) => s.tableLad);
  const sort = useAppStore((s) => s.sort);
  const selection = useAppStore((s) => s.selection);
  const { setTableLad, setSort, select, setView } = useAppStore.getState();
  const [page, setPage] = useState(0);

  const data = useAsync(() => loadTableData(client, level, indicator, measure), [client, level, indicator, measure]);
  const lads = useAsync(() => client.groupAreas('lad'), [client]);
  const ladOptions = useMemo(
    () => (lads.value ? lads.value.codes.map((code, i) => ({ code, name: lads.value!.names[i] })).sort((a, b) => a.name.localeCompare(b.name, 'en-GB')) : []),
    [lads.value],
  );
  const filterLad = level === 'lad' ? null : tableLad;
  const rows = useMemo(() => (data.value ? filterAndSort(data.value.rows, filterLad, sort) : []), [data.value, filterLad, sort]);
  const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  useEffect(() => setPage(0), [level, indicator, measure, filterLad, sort]);
  const shown = rows.slice(page * PAGE_SIZE, page * PAGE_SIZE + PAGE_SIZE);

  const ladName = ladOptions.find((l) => l.code === filterLad)?.name;
  useEffect(() => {
    if (tableLad && lads.value && !lads.value.indexOf.has(tableLad)) {
      useAppStore.getState().notify(`The table filter ${tableLad} is not a ${manifest.vintages.lad} authority code, so the table shows all of England.`);
      setTableLad(null);
    }
  }, [tableLad, lads.value, manifest, setTableLad]);

  const current = indicatorById(indicator);
  const valueLabel = level === 'lsoa' ? 'Score' : MEASURE_INFO[measure].label;
  const columns: { key: TableColumn; label: string; numeric?: boolean }[] = [
    { key: 'name', label: 'Name' },
    { key: 'code', label: `Code (${level === 'lsoa' ? 'LSOA 2021' : `${manifest.vintages[level]}`})` },
    ...(level === 'lad' ? [] : [{ key: 'parent' as const, label: level === 'lsoa' ? 'Ward' : 'Authority' }]),
    { key: 'value', label: valueLabel, numeric: true },
    { key: 'rank', label: 'Rank (1 = most deprived)', numeric: true },
    { key: 'class', label: 'Decile', numeric: true },
  ];

  const toggleSort = (column: TableColumn) =>
    setSort({ column, direction: sort.column === column && sort.direction === 'asc' ? 'desc' : 'asc' });

  const chooseRow = (row: TableRow) => {
    select(row.code, { fly: true });
    if (window.matchMedia('(max-width: 720px)').matches) setView('map');
  };

  const caption = `${current.label}, ${LEVEL_LABELS[level].plural}${filterLad ? ` in ${ladName ?? filterLad}` : ' in England'}${level === 'lsoa' ? '' : `, by ${MEASURE_INFO[measure].label.toLowerCase()}`}`;

  return (
    <section className="table-view" aria-labelledby="table-title">
      <div className="table-view__head">
        <h2 id="table-title">Table</h2>
        <div className="table-view__tools">
          <label className="field field--inline">
            <span className="field__label">Authority</span>
            <select
              value={filterLad ?? ''}
              disabled={level === 'lad'}
              onChange={(event) => {
                const code = event.target.value || null;
                setTableLad(code);
                // Show the authority on the map beside the table.
                if (code) useAppStore.getState().flyTo(code);
              }}
            >
              <option value="">All of England</option>
              {ladOptions.map((lad) => (
                <option key={lad.code} value={lad.code}>
                  {lad.name}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="button" disabled={!data.value || rows.length === 0} onClick={() => data.value && download(tableFileName(data.value, filterLad), tableCsv(data.value, rows, manifest.vintages))}>
            Download CSV ({formatInteger(rows.length)} rows)
          </button>
          <button type="button" className="button button--quiet only-narrow" onClick={() => setView('map')}>
            Back to map
          </button>
        </div>
      </div>
      {data.error && <p role="alert">The table could not be loaded: {data.error.message}</p>}
      {!data.value && !data.error && <p aria-busy="true">Loading {LEVEL_LABELS[level].plural}…</p>}
      {data.value && (
        <>
          <p className="table-view__count" role="status">
            {rows.length === 0 ? 'No rows.' : `Rows ${formatInteger(page * PAGE_SIZE + 1)}–${formatInteger(page * PAGE_SIZE + shown.length)} of ${formatInteger(rows.length)}.`}
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
                {shown.map((row, i) => (
                  <tr key={row.code} aria-rowindex={page * PAGE_SIZE + i + 2} aria-selected={row.code === selection} className={row.code === selection ? 'selected' : undefined}>
                    <th scope="row">
                      <button type="button" className="link-button" onClick={() => chooseRow(row)}>
                        {row.name}
                      </button>
                    </th>
                    <td>
                      <code>{row.code}</code>
                    </td>
                    {level !== 'lad' && <td>{row.parentName}</td>}
                    <td className="numeric">{level === 'lsoa' ? row.value : formatMeasure(measure, row.value)}</td>
                    <td className="numeric">{formatInteger(row.rank)}</td>
                    <td className="numeric">
                      <span className="decile-chip" style={{ background: toCss(DECILE_COLOURS[row.decile - 1]), color: textColourOn(DECILE_COLOURS[row.decile - 1]) }}>
                        {row.decile}
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <nav className="pager" aria-label="Table pages">
            <button type="button" className="button button--quiet" disabled={page === 0} onClick={() => setPage(page - 1)}>
              Previous
            </button>
            <label className="field field--inline">
              <span className="field__label">Page</span>
              <select value={page} onChange={(event) => setPage(Number(event.target.value))}>
                {Array.from({ length: pages }, (_, p) => (
                  <option key={p} value={p}>
                    {p + 1} of {pages}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" className="button button--quiet" disabled={page >= pages - 1} onClick={() => setPage(page + 1)}>
              Next
            </button>
          </nav>
          <p className="note">
            {level === 'lsoa'
              ? 'Scores, ranks and deciles as published in File 7 of the English Indices of Deprivation 2025.'
              : level === 'lad'
                ? `Authority figures are ${Object.keys(manifest.officialLadMeasures).length ? 'MHCLG’s File 10 where it publishes them; others are ' : ''}computed with MHCLG’s method (weights: ${manifest.weights.kind === 'census-2021' ? 'Census 2021 residents' : 'mid-year population'}). Deciles are of the ${manifest.counts.lad} authorities.`
                : `Ward figures are computed from their LSOAs with MHCLG’s method (weights: ${manifest.weights.kind === 'census-2021' ? 'Census 2021 residents' : 'mid-year population'}). Deciles are of the ${formatInteger(manifest.counts.ward)} wards.`}
          </p>
        </>
      )}
    </section>
  );
}
