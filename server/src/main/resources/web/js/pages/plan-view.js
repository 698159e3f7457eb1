// One way to show a plan (plan-v1 response) and, when given, its course: key figures, warnings with what
// to do, predicted values, charts over the procedure and across the course, assumptions with sources.
import { h, kpi, planKpis, warningList, predictedTable, assumptionList, num, analyteName, unitText, label } from '../ui.js';
import { lineChart } from '../chart.js';

export function renderPlan(plan, course, opts = {}) {
  const out = h('div', { class: 'plan-view' });
  const warnings = courseWarnings(plan, course);
  out.append(
    h('h3', {}, 'Warnings'), warningList(dedupe(warnings)),
    h('h3', { style: 'margin-top:1rem' }, opts.course === false ? 'Figures' : 'First session'), planKpis(plan));
  // "sessions needed" is about a target: without one (a dose in blood volumes) there is nothing to reach
  const hasTarget = opts.procedure ? !!opts.procedure.target : plan.sessionsNeeded > 1;
  if (hasTarget && plan.sessionsNeeded != null) out.append(h('div', { class: plan.sessionsNeeded > 1 ? 'alert alert-info' : 'alert alert-ok', id: 'sessions-needed' },
    h('p', {}, h('strong', {}, `${plan.sessionsNeeded} session${plan.sessionsNeeded === 1 ? '' : 's'} needed`), plan.sessionsNeeded > 1 ? ' to reach the target; this plan covers the first.' : ' to reach the target.')));
  if (plan.collected) out.append(h('h3', { style: 'margin-top:1rem' }, 'Product collected (this session)'), collectedBlock(plan.collected));
  if (plan.infusion) out.append(h('h3', { style: 'margin-top:1rem' }, 'Infusion'), infusionBlock(plan.infusion));

  const charts = runCharts(plan);
  if (charts.length) out.append(h('h3', {}, 'During the procedure'), h('div', { class: opts.wide ? 'grid grid-2' : 'grid' }, charts));
  if (course && Array.isArray(course.sessions) && course.sessions.length > 1) {
    const hasProteins = ['igg', 'fibrinogen'].some((k) => course.sessions[0].predicted && course.sessions[0].predicted[k]);
    out.append(h('h3', { style: 'margin-top:1rem' }, 'Across the course'), hasProteins ? courseChart(course) : '', courseTable(course));
  }
  out.append(h('h3', { style: 'margin-top:1rem' }, 'Predicted values (first session)'), predictedTable(plan.predicted));
  out.append(h('div', { style: 'margin-top:1rem' }, assumptionList([...(plan.assumptions || []), ...((course && course.assumptions) || [])])));
  return out;
}

/** What a cell collection yields: cells (per recipient kg), product volume and, for DLI, the aliquots. */
export function collectedBlock(c) {
  const sci = (v) => (v == null ? '—' : Number(v).toExponential(2).replace(/e\+?(-?)(\d+)/, (_, s, e) => ` × 10${sup(s + e)}`));
  const out = h('div', { id: 'collected' }, h('div', { class: 'kpis' },
    c.cd34PerKg != null ? kpiSci('CD34+ per recipient kg', sci(c.cd34PerKg), '/kg', c.cd34Cells != null ? `${sci(c.cd34Cells)} cells` : null) : null,
    c.cd3PerKg != null ? kpiSci('CD3+ per recipient kg', sci(c.cd3PerKg), '/kg', c.cd3Cells != null ? `${sci(c.cd3Cells)} cells` : null) : null,
    c.granulocytes != null ? kpiSci('Granulocytes', sci(c.granulocytes), 'cells', null) : null,
    c.wbcCells != null ? kpiSci('White cells', sci(c.wbcCells), 'cells', null) : null,
    c.productVolumeMl != null ? kpi('Product volume', c.productVolumeMl, 'mL', null, 0) : null));
  if (Array.isArray(c.aliquots) && c.aliquots.length) {
    out.append(h('div', { class: 'table-wrap', style: 'margin-top:.5rem' }, h('table', { id: 'aliquots' },
      h('caption', { class: 'small muted' }, 'Aliquots for the planned infusions (doses per recipient kg)'),
      h('thead', {}, h('tr', {}, h('th', {}, 'Infusion'), h('th', { class: 'r' }, 'CD3+ dose'), h('th', { class: 'r' }, 'CD3+ cells'), h('th', { class: 'r' }, 'Volume of product'))),
      h('tbody', {}, c.aliquots.map((a, i) => h('tr', {},
        h('td', {}, String(i + 1)),
        h('td', { class: 'r' }, `${sci(a.cd3PerKg)} /kg`),
        h('td', { class: 'r' }, sci(a.cd3Cells)),
        h('td', { class: 'r' }, `${num(a.volumeMl, 1)} mL`)))))));
  }
  return out;
}

function sup(s) { return String(s).replace(/[-0-9]/g, (d) => '⁻⁰¹²³⁴⁵⁶⁷⁸⁹'['-0123456789'.indexOf(d)]); }

function kpiSci(labelText, value, unit, note) {
  return h('div', { class: 'kpi' }, h('div', { class: 'label' }, labelText),
    h('div', { class: 'value sci' }, value, h('span', { class: 'unit' }, ' ' + unit)), note ? h('div', { class: 'note' }, note) : null);
}

/** IVIG: grams and millilitres per day and infusion time per day. */
export function infusionBlock(inf) {
  const perDay = inf.durationMinPerDay || [];
  return h('div', { id: 'infusion' }, h('div', { class: 'kpis' },
    kpi('Total dose', inf.totalGrams, 'g', `over ${inf.days} day${inf.days === 1 ? '' : 's'}`, 0),
    kpi('Per day', inf.gramsPerDay, 'g/day', null, 1),
    kpi('Volume per day', inf.mlPerDay, 'mL/day', inf.productPercent != null ? `${num(inf.productPercent)} % product` : null, 0),
    kpi('Infusion time, day 1', perDay[0], 'min', perDay.length > 1 && perDay.some((m) => m !== perDay[0]) ? `days: ${perDay.map((m) => num(m, 0)).join(', ')} min` : `each day`, 0)));
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

// The model parameters of the uncertainty block, in words (plan.uncertainty.parameters[].name).
const PARAMETER_WORDS = {
  bloodVolume: 'the blood volume estimate',
  iggReturnRate: 'IgG return from the tissues',
  iggHalfLife: 'IgG half-life',
  iggFcrnExponent: 'IgG FcRn saturation',
  fibrinogenIntravascularFraction: 'fibrinogen intravascular fraction',
  fibrinogenEscapeRate: 'fibrinogen transcapillary escape',
  fibrinogenHalfLife: 'fibrinogen half-life',
  citrateClearance: 'citrate clearance',
  calciumSensitivity: 'calcium binding by citrate',
  calciumMobilisation: 'calcium mobilisation from the skeleton',
  cd34Ce2: 'CD34+ collection efficiency (CE2)',
  cd3Ce2: 'CD3+ collection efficiency (CE2)',
  wbcRemovalEfficiency: 'white cell removal efficiency',
  granulocyteCe: 'granulocyte collection efficiency',
};
export const parameterWords = (code) => PARAMETER_WORDS[code] || label(code);

/** One analyte's 5-95 % band and 50 % line over the run, from plan.uncertainty.timeline ([] without bands). */
function bandOf(plan, k) {
  const u = plan.uncertainty;
  if (!u || !Array.isArray(u.timeline)) return { band: [], median: [] };
  const at = u.timeline.filter((t) => t.values && Array.isArray(t.values[k]));
  return { band: at.map((t) => [t.minute, t.values[k][0], t.values[k][2]]), median: at.map((t) => [t.minute, t.values[k][1]]) };
}

/**
 * In words, for one analyte of the plan: its 5-95 % band and median over the virtual patients, and which
 * parameters drive most of the spread (the sensitivity ranking, largest rank correlation first).
 */
export function spreadSentence(plan, k) {
  const u = plan.uncertainty;
  const pr = plan.predicted && plan.predicted[k];
  if (!u || !pr || !u.predicted || !u.predicted[k]) return null;
  const what = pr.nadir != null && u.predicted[k].nadir ? 'nadir' : 'post';
  const band = u.predicted[k][what];
  if (!band) return null;
  const unit = unitText(pr.unit);
  const an = analyteName(k);
  const lower = /^[A-Z][a-z]+(\s|$)/.test(an) ? an.charAt(0).toLowerCase() + an.slice(1) : an; // 'ionised calcium', but 'IgG'
  const name = `${lower} ${what === 'nadir' ? 'nadir' : 'at the end'}`;
  const ranked = (u.sensitivity || []).find((d) => d.output === `predicted.${k}.${what}`);
  const drivers = ranked ? ranked.parameters.map((d) => parameterWords(d.parameter)) : [];
  const d = bandDigits(band);
  const range = `${num(band[0], d)}–${num(band[2], d)} ${unit} in 5–95 % of ${num(u.virtualPatients, 0)} virtual patients, median ${num(band[1], d)} ${unit}`;
  return h('p', { class: 'small spread', id: `spread-${k}` }, `Predicted ${name}: ${range}. `, drivers.length
    ? `Most of the spread in the ${name} comes from: ${drivers.join(', ')}.`
    : `No single model parameter stands out above chance in its spread.`);
}

/** Decimals that tell a narrow band's ends apart (0.317–0.323 g/L, not 0.32–0.32 g/L), at most 4. */
function bandDigits(band) {
  const [lo, , hi] = band.map(Number);
  const m = Math.max(Math.abs(lo), Math.abs(hi));
  let d = m >= 100 ? 0 : m >= 10 ? 1 : 2;
  while (d < 4 && lo !== hi && num(lo, d) === num(hi, d)) d++;
  return d;
}

function bandNote(plan) {
  const u = plan.uncertainty;
  if (!u) return null;
  return h('p', { class: 'small muted band-note' }, `Shaded: 5–95 % of ${num(u.virtualPatients, 0)} virtual patients, each with the model's `
    + `parameters drawn from their published spread (seed ${u.seed}); dotted: their median (50 %); solid: this plan.`);
}

/** Protein charts (g/L) and ionised calcium (mmol/L) over minutes of the run, from plan.timeline, with bands when given. */
export function runCharts(plan) {
  const tl = plan.timeline || [];
  if (!tl.length) return [];
  const charts = [];
  // Only what the procedure changes (the analytes of plan.predicted): an infusion leaves calcium and
  // platelets alone, a cell collection the proteins.
  const changed = (k) => tl[0][k] !== undefined && (!plan.predicted || plan.predicted[k] !== undefined);
  const proteins = ['igg', 'igm', 'fibrinogen'].filter(changed);
  if (proteins.length) {
    charts.push(h('div', { id: 'chart-run-proteins' }, lineChart({
      title: plan.infusion ? 'Predicted IgG over the infusion days' : 'Predicted proteins during the run',
      xLabel: plan.infusion ? 'minutes from the start of the infusion (min)' : 'minutes from first draw (min)', yLabel: 'concentration (g/L)',
      series: proteins.map((k) => ({ name: `${analyteName(k)} (g/L)`, points: tl.map((t) => [t.minute, t[k]]), ...bandOf(plan, k) })),
      thresholds: proteins.includes('fibrinogen') ? [{ y: 1.0, label: 'fibrinogen 1.0 g/L' }] : [], yMin: 0,
    }), bandNote(plan), ...proteins.map((k) => spreadSentence(plan, k))));
  }
  if (changed('ionizedCalcium')) {
    charts.push(h('div', { id: 'chart-run-calcium' }, lineChart({
      title: 'Predicted ionised calcium during the run', xLabel: 'minutes from first draw (min)', yLabel: 'ionised calcium (mmol/L)',
      series: [{ name: 'Ionised calcium (mmol/L)', points: tl.map((t) => [t.minute, t.ionizedCalcium]), ...bandOf(plan, 'ionizedCalcium') }],
    }), bandNote(plan), spreadSentence(plan, 'ionizedCalcium')));
  }
  // One chart per cell count the timeline carries, each with its own unit (from the predicted block).
  for (const k of ['wbc', 'neutrophils', 'cd34', 'cd3', 'platelets'].filter(changed)) {
    const unit = unitText((plan.predicted && plan.predicted[k] && plan.predicted[k].unit) || '');
    charts.push(h('div', { id: `chart-run-${k}` }, lineChart({
      title: `Predicted ${analyteName(k)} during the run`, xLabel: 'minutes from first draw (min)', yLabel: `${analyteName(k)} (${unit})`,
      series: [{ name: `${analyteName(k)} (${unit})`, points: tl.map((t) => [t.minute, t[k]]), ...bandOf(plan, k) }], yMin: 0,
    }), bandNote(plan), spreadSentence(plan, k)));
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
    // the course's 5-95 % band and median (course.uncertainty.timeline, minutes from the first session)
    const u = course.uncertainty;
    const at = u && Array.isArray(u.timeline) ? u.timeline.filter((t) => t.values && Array.isArray(t.values[k])) : [];
    return { name: `${analyteName(k)} (g/L)`, points: pts, markers: true,
      band: at.map((t) => [t.minute / 1440, t.values[k][0], t.values[k][2]]), median: at.map((t) => [t.minute / 1440, t.values[k][1]]) };
  });
  return h('div', { id: 'chart-course' }, lineChart({
    title: `Predicted ${analytes.map(analyteName).join(' and ')} over ${course.sessions.length} sessions`,
    xLabel: 'days from the first session (d)', yLabel: 'concentration (g/L)', series, yMin: 0,
    thresholds: analytes.includes('fibrinogen') ? [{ y: 1.0, label: 'fibrinogen 1.0 g/L' }] : [],
  }), bandNote(course));
}

/** The course session by session, with the columns of the procedure: proteins for an exchange, cells for the rest. */
function courseTable(course) {
  const starts = course.sessionStartHours || [];
  const igg = course.summary && course.summary.igg;
  const first = course.sessions[0] || {};
  const type = first.procedureType;
  const exchange = type === 'plasma-exchange';
  const collected = (s) => s.collected || {};
  const cols = exchange ? [
    ['Exchange', (s) => `${num(s.exchangeVolumeMl, 0)} mL`],
    ['Run time', (s) => `${num(s.durationMin, 0)} min`],
    ['IgG before → after', (s) => (s.predicted && s.predicted.igg ? `${num(s.predicted.igg.pre)} → ${num(s.predicted.igg.post)} g/L` : '—')],
    ['Fibrinogen after', (s) => (s.predicted && s.predicted.fibrinogen ? `${num(s.predicted.fibrinogen.post)} g/L` : '—')],
    ['Albumin 5 %', (s) => (s.replacement && s.replacement.albuminMl ? `${num(s.replacement.albuminMl, 0)} mL` : '—')],
    ['Donor plasma', (s) => (s.replacement && s.replacement.plasmaMl ? `${num(s.replacement.plasmaMl, 0)} mL` : '—')],
  ] : [
    ['Blood processed', (s) => `${num(s.processedVolumeMl, 0)} mL`],
    ['Run time', (s) => `${num(s.durationMin, 0)} min`],
    ...(first.predicted && first.predicted.wbc && type === 'leukocytapheresis'
      ? [['White cells before → after', (s) => (s.predicted && s.predicted.wbc ? `${num(s.predicted.wbc.pre)} → ${num(s.predicted.wbc.post)} ${unitText(s.predicted.wbc.unit)}` : '—')]] : []),
    ...(collected(first).cd34PerKg != null ? [['CD34+ collected', (s) => (collected(s).cd34PerKg != null ? `${num(collected(s).cd34PerKg / 1e6)} ×10⁶/kg` : '—')]] : []),
    ...(collected(first).cd3PerKg != null ? [['CD3+ collected', (s) => (collected(s).cd3PerKg != null ? `${num(collected(s).cd3PerKg / 1e6)} ×10⁶/kg` : '—')]] : []),
    ...(collected(first).granulocytes != null ? [['Granulocytes', (s) => (collected(s).granulocytes != null ? `${num(collected(s).granulocytes / 1e10)} ×10¹⁰` : '—')]] : []),
    ...(collected(first).productVolumeMl != null ? [['Product', (s) => `${num(collected(s).productVolumeMl, 0)} mL`]] : []),
  ];
  return h('div', { class: 'table-wrap', style: 'margin-top:.5rem' }, h('table', { id: 'course-table' },
    h('thead', {}, h('tr', {}, h('th', {}, '#'), h('th', { class: 'r' }, 'Starts at'), cols.map(([n]) => h('th', { class: 'r' }, n)))),
    h('tbody', {}, course.sessions.map((s, i) => h('tr', {},
      h('td', {}, String(i + 1)),
      h('td', { class: 'r' }, `${num(starts[i] ?? i * 48, 0)} h`),
      cols.map(([, f]) => h('td', { class: 'r' }, f(s)))))),
    exchange && igg ? h('tfoot', {}, h('tr', {}, h('td', { colspan: cols.length + 2, class: 'small muted' },
      `IgG total-body amount removed over the course: ${num(igg.totalBodyRemovedPercent, 0)} %; rebounds to ${num(igg.atNextScheduledTime)} g/L by hour ${num(igg.nextScheduledHour, 0)}.`))) : null));
}
