// Hand-written SVG line charts: enough for predicted values over a run, over a course and lab trends.
// Axes always carry their unit; each chart has a text title and an aria-label for screen readers.

const NS = 'http://www.w3.org/2000/svg';
export const COLOURS = ['#0b5e8e', '#c2410c', '#15803d', '#7c3aed', '#a16207', '#be123c'];

function s(tag, attrs, text) {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs || {})) if (v !== undefined && v !== null) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

function niceTicks(min, max, count) {
  if (min === max) { min -= 1; max += 1; }
  const span = max - min;
  const step0 = span / Math.max(1, count);
  const mag = Math.pow(10, Math.floor(Math.log10(step0)));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((st) => st >= step0) || 10 * mag;
  const lo = Math.floor(min / step) * step;
  const hi = Math.ceil(max / step) * step;
  const ticks = [];
  for (let v = lo; v <= hi + step / 2; v += step) ticks.push(Math.round(v / step) * step);
  return { lo, hi, ticks, step };
}

function fmt(v, step) {
  // as many decimals as the tick step has (2.5 -> 1, 0.25 -> 2, 5 -> 0)
  const digits = step ? Math.min(4, (String(Number(step.toFixed(6))).split('.')[1] || '').length) : 2;
  return v.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

/**
 * series: [{name, points: [[x, y], ...], colour?, dashed?, markers?, band?, median?}]
 * band: [[x, low, high], ...] (the 5th and 95th percentiles) drawn as a shaded area behind the line, and median:
 * [[x, y], ...] (the 50th) drawn dotted; both in the series' colour.
 * thresholds: [{y, label}] drawn dashed in red; xLabel/yLabel include the unit.
 */
export function lineChart({ title, xLabel, yLabel, series, thresholds = [], width = 560, height = 260, yMin, yMax }) {
  const m = { l: 56, r: 16, t: 28, b: 44 };
  const w = width - m.l - m.r;
  const hgt = height - m.t - m.b;
  const ok = (p) => p && Number.isFinite(p[0]) && Number.isFinite(p[1]);
  const okBand = (b) => b && Number.isFinite(b[0]) && Number.isFinite(b[1]) && Number.isFinite(b[2]);
  const pts = series.flatMap((se) => se.points).filter(ok);
  const bandPts = series.flatMap((se) => (se.band || []).filter(okBand).flatMap((b) => [[b[0], b[1]], [b[0], b[2]]]));
  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, class: 'chart', role: 'img', 'aria-label': `${title}. ${yLabel} against ${xLabel}.` });
  svg.append(s('text', { x: m.l, y: 16, class: 'title' }, title));
  if (!pts.length) {
    svg.append(s('text', { x: width / 2, y: height / 2, 'text-anchor': 'middle' }, 'No data yet'));
    return wrap(svg, series);
  }
  const xs = pts.map((p) => p[0]);
  const ys = pts.concat(bandPts).map((p) => p[1]).concat(thresholds.map((t) => t.y));
  const xt = niceTicks(Math.min(...xs), Math.max(...xs), 6);
  const yt = niceTicks(yMin ?? Math.min(...ys), yMax ?? Math.max(...ys), 5);
  const X = (v) => m.l + ((v - xt.lo) / (xt.hi - xt.lo)) * w;
  const Y = (v) => m.t + hgt - ((v - yt.lo) / (yt.hi - yt.lo)) * hgt;

  const grid = s('g', { class: 'grid' });
  const axis = s('g', { class: 'axis' });
  for (const v of yt.ticks) {
    grid.append(s('line', { x1: m.l, x2: m.l + w, y1: Y(v), y2: Y(v) }));
    axis.append(s('text', { x: m.l - 6, y: Y(v) + 4, 'text-anchor': 'end' }, fmt(v, yt.step)));
  }
  for (const v of xt.ticks) {
    axis.append(s('line', { x1: X(v), x2: X(v), y1: m.t + hgt, y2: m.t + hgt + 4 }));
    axis.append(s('text', { x: X(v), y: m.t + hgt + 16, 'text-anchor': 'middle' }, fmt(v, xt.step)));
  }
  axis.append(s('line', { x1: m.l, x2: m.l + w, y1: m.t + hgt, y2: m.t + hgt }));
  axis.append(s('line', { x1: m.l, x2: m.l, y1: m.t, y2: m.t + hgt }));
  axis.append(s('text', { x: m.l + w / 2, y: height - 6, 'text-anchor': 'middle' }, xLabel));
  axis.append(s('text', { x: 12, y: m.t + hgt / 2, 'text-anchor': 'middle', transform: `rotate(-90 12 ${m.t + hgt / 2})` }, yLabel));
  svg.append(grid, axis);

  for (const t of thresholds) {
    svg.append(s('line', { class: 'threshold', x1: m.l, x2: m.l + w, y1: Y(t.y), y2: Y(t.y), stroke: '#a4161a' }));
    svg.append(s('text', { x: m.l + w - 4, y: Y(t.y) - 4, 'text-anchor': 'end', fill: '#a4161a' }, t.label));
  }
  // bands first, so every line stays visible above every shaded area
  series.forEach((se, i) => {
    const c = se.colour || COLOURS[i % COLOURS.length];
    const b = (se.band || []).filter(okBand).filter((q) => q[0] >= xt.lo && q[0] <= xt.hi);
    if (b.length > 1) {
      const upper = b.map((q, j) => `${j ? 'L' : 'M'}${X(q[0]).toFixed(1)},${Y(q[2]).toFixed(1)}`).join(' ');
      const lower = b.slice().reverse().map((q) => `L${X(q[0]).toFixed(1)},${Y(q[1]).toFixed(1)}`).join(' ');
      svg.append(s('path', { d: `${upper} ${lower} Z`, class: 'band', fill: c, 'fill-opacity': 0.18, stroke: 'none',
        'data-series': se.name }, undefined));
    }
    const med = (se.median || []).filter(ok);
    if (med.length > 1) {
      const d = med.map((q, j) => `${j ? 'L' : 'M'}${X(q[0]).toFixed(1)},${Y(q[1]).toFixed(1)}`).join(' ');
      svg.append(s('path', { d, class: 'line median', stroke: c, 'stroke-dasharray': '2 3', 'stroke-opacity': 0.8 }));
    }
  });
  series.forEach((se, i) => {
    const c = se.colour || COLOURS[i % COLOURS.length];
    const p = se.points.filter(ok);
    if (!p.length) return;
    const d = p.map((q, j) => `${j ? 'L' : 'M'}${X(q[0]).toFixed(1)},${Y(q[1]).toFixed(1)}`).join(' ');
    svg.append(s('path', { d, class: 'line', stroke: c, 'stroke-dasharray': se.dashed ? '6 4' : null }));
    if (se.markers || p.length < 12) for (const q of p) svg.append(s('circle', { cx: X(q[0]), cy: Y(q[1]), r: 3.2, fill: c }));
  });
  return wrap(svg, series);
}

function wrap(svg, series) {
  const div = document.createElement('div');
  div.className = 'chart-box';
  div.append(svg);
  if (series.length > 1) {
    const legend = document.createElement('div');
    legend.className = 'chart-legend';
    series.forEach((se, i) => {
      const span = document.createElement('span');
      span.style.setProperty('--c', se.colour || COLOURS[i % COLOURS.length]);
      span.textContent = se.name;
      legend.append(span);
    });
    div.append(legend);
  }
  return div;
}
