// One way to show a plan (plan-v1 response) and, when given, its course: key figures, warnings with what
// to do, predicted values, charts over the procedure and across the course, assumptions with sources.
import { h, planKpis, warningList, predictedTable, assumptionList, num, analyteName } from '../ui.js';
import { lineChart } from '../chart.js';

export function renderPlan(plan, course, opts = {}) {
  const out = h('div', { class: 'plan-view' });
  const warnings = courseWarnings(plan, course);
  out.append(
    h('h3', {}, 'Warnings'), warningList(dedupe(warnings)),
    h('h3', { style: 'margin-top:1rem' }, opts.course === false ? 'Figures' : 'First session'), planKpis(plan));
  if (plan.sessionsNeeded > 1) out.append(h('div', { class: 'alert alert-info' }, h('p', {}, `${plan.sessionsNeeded} sessions needed to reach the target.`)));

  const charts = runCharts(plan);
  if (charts.length) out.append(h('h3', {}, 'During the procedure'), h('div', { class: opts.wide ? 'grid grid-2' : 'grid' }, charts));
  if (course && Array.isArray(course.sessions) && course.sessions.length > 1) out.append(h('h3', { style: 'margin-top:1rem' }, 'Across the course'), courseChart(course), courseTable(course));
  out.append(h('h3', { style: 'margin-top:1rem' }, 'Predicted values (first session)'), predictedTable(plan.predicted));
  out.append(h('div', { style: 'margin-top:1rem' }, assumptionList([...(plan.assumptions || []), ...((course && course.assumptions) || [])])));
  return out;
}

/** The first session's warnings, then each later session's new ones; a repeated code says in which sessions. */
function courseWarnings(plan, course) {
  const out = [...(plan.warnings || []).map((w) => ({ ...w, sessions: [1] })), ...((course && course.warnings) || [])];
  const sessions = course && Array.isArray(course.sessions) ? course.sessions : [];
  sessions.slice(1).forEach((cs, i) => {
    for (const w of cs.warnings || []) {
      const seen = out.find((x) => x.code === w.code && x.sessions);
      if (seen) seen.sessions.push(i + 2);
      else out.push({ ...w, message: `Session ${i + 2}: ${w.message}`, sessions: [i + 2] });
    }
  });
  return out.map((w) => (w.sessions && w.sessions.length > 1 ? { ...w, message: `${w.message} (Applies to sessions ${w.sessions.join(', ')} of the course.)` } : w));
}

function dedupe(ws) {
  const seen = new Set();
  return ws.filter((w) => { const k = w.code + w.message; if (seen.has(k)) return false; seen.add(k); return true; });
}

/** Protein charts (g/L) and ionised calcium (mmol/L) over minutes of the run, from plan.timeline. */
export function runCharts(plan) {
  const tl = plan.timeline || [];
  if (!tl.length) return [];
  const charts = [];
  const proteins = ['igg', 'igm', 'fibrinogen'].filter((k) => tl[0][k] !== undefined);
  if (proteins.length) {
    charts.push(h('div', { id: 'chart-run-proteins' }, lineChart({
      title: 'Predicted proteins during the run', xLabel: 'minutes from first draw (min)', yLabel: 'concentration (g/L)',
      series: proteins.map((k) => ({ name: `${analyteName(k)} (g/L)`, points: tl.map((t) => [t.minute, t[k]]) })),
      thresholds: proteins.includes('fibrinogen') ? [{ y: 1.0, label: 'fibrinogen 1.0 g/L' }] : [], yMin: 0,
    })));
  }
  if (tl[0].ionizedCalcium !== undefined) {
    charts.push(h('div', { id: 'chart-run-calcium' }, lineChart({
      title: 'Predicted ionised calcium during the run', xLabel: 'minutes from first draw (min)', yLabel: 'ionised calcium (mmol/L)',
      series: [{ name: 'Ionised calcium (mmol/L)', points: tl.map((t) => [t.minute, t.ionizedCalcium]) }],
    })));
  }
  const cells = ['wbc', 'platelets', 'cd34', 'cd3', 'neutrophils'].filter((k) => tl[0][k] !== undefined && !proteins.length);
  if (cells.length) {
    charts.push(h('div', { id: 'chart-run-cells' }, lineChart({
      title: 'Predicted counts during the run', xLabel: 'minutes from first draw (min)', yLabel: 'count (as in labs)',
      series: cells.map((k) => ({ name: analyteName(k), points: tl.map((t) => [t.minute, t[k]]) })),
    })));
  }
  return charts;
}

/** The sawtooth over the course: each session's fall, the rebound between sessions, and the next scheduled time. */
export function courseChart(course) {
  const starts = course.sessionStartHours || course.sessions.map((_, i) => i * 48);
  const analytes = ['igg', 'fibrinogen'].filter((k) => course.sessions[0].predicted && course.sessions[0].predicted[k]);
  const series = analytes.map((k) => {
    const pts = [];
    course.sessions.forEach((s, i) => {
      const pr = s.predicted && s.predicted[k];
      if (!pr) return;
      const t0 = starts[i] / 24;
      pts.push([t0, pr.pre], [t0 + (s.durationMin || 0) / 1440, pr.post]);
    });
    const sum = course.summary && course.summary[k];
    if (sum && sum.atNextScheduledTime != null) pts.push([sum.nextScheduledHour / 24, sum.atNextScheduledTime]);
    return { name: `${analyteName(k)} (g/L)`, points: pts, markers: true };
  });
  return h('div', { id: 'chart-course' }, lineChart({
    title: `Predicted ${analytes.map(analyteName).join(' and ')} over ${course.sessions.length} sessions`,
    xLabel: 'days from the first session (d)', yLabel: 'concentration (g/L)', series, yMin: 0,
    thresholds: analytes.includes('fibrinogen') ? [{ y: 1.0, label: 'fibrinogen 1.0 g/L' }] : [],
  }));
}

function courseTable(course) {
  const starts = course.sessionStartHours || [];
  const igg = course.summary && course.summary.igg;
  return h('div', { class: 'table-wrap', style: 'margin-top:.5rem' }, h('table', { id: 'course-table' },
    h('thead', {}, h('tr', {}, h('th', {}, '#'), h('th', { class: 'r' }, 'Starts at'), h('th', { class: 'r' }, 'Exchange'), h('th', { class: 'r' }, 'Run time'),
      h('th', { class: 'r' }, 'IgG before → after'), h('th', { class: 'r' }, 'Fibrinogen after'), h('th', { class: 'r' }, 'Albumin 5 %'))),
    h('tbody', {}, course.sessions.map((s, i) => {
      const p = s.predicted || {};
      return h('tr', {},
        h('td', {}, String(i + 1)),
        h('td', { class: 'r' }, `${num(starts[i] ?? i * 48, 0)} h`),
        h('td', { class: 'r' }, `${num(s.exchangeVolumeMl ?? s.processedVolumeMl, 0)} mL`),
        h('td', { class: 'r' }, `${num(s.durationMin, 0)} min`),
        h('td', { class: 'r' }, p.igg ? `${num(p.igg.pre)} → ${num(p.igg.post)} g/L` : '—'),
        h('td', { class: 'r' }, p.fibrinogen ? `${num(p.fibrinogen.post)} g/L` : '—'),
        h('td', { class: 'r' }, s.replacement && s.replacement.albuminMl != null ? `${num(s.replacement.albuminMl, 0)} mL` : '—'));
    })),
    igg ? h('tfoot', {}, h('tr', {}, h('td', { colspan: 7, class: 'small muted' },
      `IgG total-body amount removed over the course: ${num(igg.totalBodyRemovedPercent, 0)} %; rebounds to ${num(igg.atNextScheduledTime)} g/L by hour ${num(igg.nextScheduledHour, 0)}.`))) : null));
}
