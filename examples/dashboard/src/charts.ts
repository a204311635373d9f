import { html, type Html } from './html.js';

const COLOURS = ['#1f5fa8', '#b4471f', '#2f7d32', '#6a3d9a', '#8a6d00', '#00707a'];

/**
 * A horizontal bar chart as inline SVG (no script, no inline style: the page's CSP allows neither): one bar per
 * row, values on a 0 to `max` scale, each labelled.
 */
export function barChart(title: string, rows: readonly { readonly label: string; readonly value: number | null; readonly text: string }[], max = 100): Html {
  const rowHeight = 22;
  const left = 170;
  const width = 640;
  const height = rows.length * rowHeight + 10;
  const scale = (v: number) => ((width - left - 60) * Math.max(0, Math.min(v, max))) / max;
  return html`<figure class="chart"><svg viewBox="0 0 ${width} ${height}" role="img" aria-label="${title}" xmlns="http://www.w3.org/2000/svg">
    <title>${title}</title>
    ${rows.map(
      (r, i) => html`<g transform="translate(0 ${i * rowHeight + 5})">
      <text x="${left - 6}" y="14" text-anchor="end" font-size="12" fill="#222">${r.label.length > 26 ? `${r.label.slice(0, 25)}…` : r.label}</text>
      <rect x="${left}" y="2" height="16" width="${r.value === null ? 0 : scale(r.value)}" fill="${COLOURS[0]}"></rect>
      <text x="${left + (r.value === null ? 0 : scale(r.value)) + 4}" y="14" font-size="12" fill="#222">${r.text}</text></g>`,
    )}
  </svg><figcaption>${title}</figcaption></figure>`;
}

/** A line or bar chart of several series over shared categories (a plugin's report chart, a unit's trend), as inline SVG. */
export function seriesChart(title: string, kind: 'line' | 'bar', categories: readonly string[], series: readonly { readonly name: string; readonly values: readonly (number | null)[] }[], unit = ''): Html {
  const width = 640;
  const height = 260;
  const pad = { left: 50, right: 10, top: 10, bottom: 40 };
  const values = series.flatMap((s) => s.values).filter((v): v is number => v !== null);
  const top = Math.max(1, ...values);
  const x = (i: number) => pad.left + ((width - pad.left - pad.right) * (i + 0.5)) / Math.max(1, categories.length);
  const y = (v: number) => height - pad.bottom - ((height - pad.top - pad.bottom) * v) / top;
  const band = (width - pad.left - pad.right) / Math.max(1, categories.length);
  const barWidth = Math.max(2, (band * 0.8) / Math.max(1, series.length));
  const step = Math.ceil(categories.length / 12);
  return html`<figure class="chart"><svg viewBox="0 0 ${width} ${height}" role="img" aria-label="${title}" xmlns="http://www.w3.org/2000/svg">
    <title>${title}</title>
    <line x1="${pad.left}" y1="${height - pad.bottom}" x2="${width - pad.right}" y2="${height - pad.bottom}" stroke="#555"></line>
    <text x="4" y="${pad.top + 10}" font-size="11" fill="#222">${formatAxis(top)}${unit}</text>
    <text x="4" y="${height - pad.bottom}" font-size="11" fill="#222">0</text>
    ${categories.map((c, i) => (i % step === 0 ? html`<text x="${x(i)}" y="${height - pad.bottom + 14}" font-size="10" text-anchor="middle" fill="#222">${c.length > 12 ? `${c.slice(0, 11)}…` : c}</text>` : ''))}
    ${series.map((s, k) =>
      kind === 'bar'
        ? s.values.map((v, i) => (v === null ? '' : html`<rect x="${x(i) - (band * 0.4) + k * barWidth}" y="${y(v)}" width="${barWidth}" height="${height - pad.bottom - y(v)}" fill="${COLOURS[k % COLOURS.length]}"></rect>`))
        : html`<polyline fill="none" stroke-width="2" stroke="${COLOURS[k % COLOURS.length]}" points="${s.values.flatMap((v, i) => (v === null ? [] : [`${x(i)},${y(v)}`])).join(' ')}"></polyline>`,
    )}
  </svg><figcaption>${title}: ${series.map((s, k) => html`<span class="key key-${k % COLOURS.length}">${s.name}</span> `)}</figcaption></figure>`;
}

const formatAxis = (v: number) => (v >= 1e9 ? `${Math.round(v / 1e8) / 10}e9` : v >= 1e6 ? `${Math.round(v / 1e5) / 10}e6` : String(Math.round(v * 100) / 100));
