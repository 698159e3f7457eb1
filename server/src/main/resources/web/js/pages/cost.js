// What a course may cost and who pays: the estimate on the order page (the expected charges and the patient's
// share, with the lines and the assumptions behind them, and whether the prior authorisation holds) and the
// patient's coverages on the patient page, with the form coordinators and billing record a coverage in.
import { get, post } from '../api.js';
import { h, date, field, values, showProblems, clearProblems, toNumber, toast } from '../ui.js';
import { money } from './billing.js';

const VERDICT = {
  covered: 'Covered',
  'if-authorized': 'Covered only if authorised in advance',
  'not-covered': 'Not covered',
  'not-confirmed': 'Not confirmed — ask billing',
  'no-rule': 'No rule — ask billing',
  'no-coverage': 'No coverage on record (self pay)',
  'donation-for-another': 'A donation for another person: the donor pays nothing',
};
const PAYER_KIND = { medicare: 'Medicare (traditional)', 'medicare-advantage': 'Medicare Advantage (Part C)', medicaid: 'Medicaid',
  commercial: 'commercial plan', other: 'other (charity, employer scheme, …)' };
const PA_NEED = { required: 'needed', 'not-required': 'not needed', 'not-stated': 'not stated by the rule — ask billing' };
const PA_STATUS = { 'valid-for-course': 'holds for the whole course', 'not-valid-for-course': 'does not hold on every day of the course', none: 'none recorded' };

/**
 * Before signing: the indication's guideline category, whether the patient's payer covers it by the coverage rules
 * (with the rule's source, and whether it is a published fact or the unit's own rule), and whether prior
 * authorisation is needed and recorded for the course's days. Where no rule matches it says to ask billing.
 */
export async function coverageCheckPanel(orderId, unsigned) {
  const panel = h('section', { class: 'panel', id: 'coverage-check', 'aria-labelledby': 'h-coverage-check' },
    h('h2', { id: 'h-coverage-check' }, unsigned ? 'Coverage before signing' : 'Coverage'));
  let c;
  try {
    c = await get(`/api/orders/${encodeURIComponent(orderId)}/coverage-check`);
  } catch (err) {
    panel.append(h('p', { class: 'muted' }, `No coverage check: ${err.message}.`));
    return panel;
  }
  const tone = (c.verdict === 'covered' && !c.askBilling && c.priorAuthorizationNeeded !== 'required') || c.verdict === 'donation-for-another' ? 'alert-ok'
    : c.verdict === 'not-covered' ? 'alert-danger' : 'alert-warning';
  const g = c.guideline;
  const pa = c.priorAuthorization;
  const one = (a) => `${a.number} (${date(a.validFrom)} to ${date(a.validTo)})`;
  const onFile = [pa.number ? one(pa) : null, pa.nextPlanYear && pa.nextPlanYear.number !== pa.number ? `${one(pa.nextPlanYear)} for the next plan year` : null].filter(Boolean);
  const paText = onFile.length ? `${onFile.join(' and ')}: ${PA_STATUS[pa.status]}` : PA_STATUS[pa.status];
  const payerOf = (v) => `${v.payer} · ${v.plan}${v.payerKind ? ` (${v.payerKind})` : ' (payer kind not recorded)'}`;
  const crosses = c.coverage && c.course.lastDay > c.coverage.planYearEnd;
  const nextYear = !crosses ? null : h('div', { class: 'small', id: 'coverage-next-year' }, c.nextPlanYearCoverage
    ? `from ${date(c.nextPlanYearCoverage.planYearStart)}: ${payerOf(c.nextPlanYearCoverage)}`
    : `the course runs past ${date(c.coverage.planYearEnd)}: no coverage recorded for the next plan year`);
  const rule = c.rule;
  panel.append(
    h('div', { class: `alert ${tone}`, id: 'coverage-verdict' }, h('h4', {}, VERDICT[c.verdict] || c.verdict), h('p', { id: 'coverage-summary' }, c.summary)),
    h('dl', { class: 'facts' },
      h('dt', {}, 'Guideline category'), h('dd', { id: 'coverage-category' }, g.category ? `ASFA category ${g.category}${g.grade ? `, grade ${g.grade}` : ''} (${g.indication})` : 'no ASFA category'),
      h('dt', {}, 'Payer'), h('dd', { id: 'coverage-payer' }, c.coverage ? payerOf(c.coverage) : 'no coverage on record', nextYear),
      h('dt', {}, 'Rule'), h('dd', { id: 'coverage-rule' }, rule ? [h('strong', {}, `${rule.id} · ${rule.basis === 'FACT' ? 'published fact' : "the unit's own rule"} · ${rule.status}`),
        h('div', { class: 'small' }, rule.source), rule.condition ? h('div', { class: 'small' }, `Condition: ${rule.condition}`) : null] : 'no rule matches: ask billing'),
      h('dt', {}, 'Prior authorisation'), h('dd', { id: 'coverage-pa' }, c.priorAuthorizationNeeded ? `${PA_NEED[c.priorAuthorizationNeeded]}; on file: ${paText}` : `on file: ${paText}`),
      h('dt', {}, 'Course'), h('dd', { id: 'coverage-course' }, `${date(c.course.firstDay)} to ${date(c.course.lastDay)}`)),
    h('details', {}, h('summary', {}, 'Why'), h('ul', { id: 'coverage-reasons' }, c.reasons.map((r) => h('li', {}, r)))));
  return panel;
}

/** The order's estimate, or a note when it cannot be made (no price on the list, no coverage). */
export async function estimatePanel(orderId) {
  const panel = h('section', { class: 'panel', id: 'estimate', 'aria-labelledby': 'h-estimate' },
    h('h2', { id: 'h-estimate' }, 'What the course may cost'));
  let e;
  try {
    e = await get(`/api/orders/${encodeURIComponent(orderId)}/estimate`);
  } catch (err) {
    panel.append(h('p', { class: 'muted' }, `No estimate: ${err.message || 'the price list or the coverage is missing'}.`));
    return panel;
  }
  const low = e.range.low;
  const high = e.range.high;
  const range = (a, b) => (Number(a) === Number(b) ? money(a, e.currency) : `${money(a, e.currency)} to ${money(b, e.currency)}`);
  panel.append(
    h('div', { class: 'grid grid-3' },
      h('div', { class: 'kpi' }, h('div', { class: 'kpi-label' }, 'Expected charges'),
        h('div', { class: 'kpi-value', id: 'estimate-total' }, range(low.totalCharges, high.totalCharges)),
        h('div', { class: 'hint' }, low.sessions === high.sessions ? `${high.sessions} sessions` : `${low.sessions} to ${high.sessions} sessions`)),
      e.donationForAnother
        ? h('div', { class: 'kpi' }, h('div', { class: 'kpi-label' }, 'The donor pays'),
          h('div', { class: 'kpi-value', id: 'estimate-share' }, 'nothing'),
          h('div', { class: 'hint' }, 'a donation for another person: the recipient\'s coverage or the donor registry pays'))
        : h('div', { class: 'kpi' }, h('div', { class: 'kpi-label' }, 'The patient pays'),
          h('div', { class: 'kpi-value', id: 'estimate-share' }, range(low.patientShare, high.patientShare)),
          h('div', { class: 'hint' }, high.cappedByOutOfPocketMax ? 'capped by the out-of-pocket maximum' : 'deductible first, then coinsurance or copay')),
      h('div', { class: 'kpi' }, h('div', { class: 'kpi-label' }, 'Prior authorisation'),
        h('div', { class: 'kpi-value', id: 'estimate-pa' }, e.priorAuthorization ? (e.priorAuthorizationHolds ? `${e.priorAuthorization}: holds` : `${e.priorAuthorization}: does not hold for the course`) : 'none on file'))),
    h('table', { id: 'estimate-lines' },
      h('thead', {}, h('tr', {}, ['Code', 'What', 'Per session', 'Sessions', 'Amount'].map((t) => h('th', {}, t)))),
      h('tbody', {}, e.lines.map((l) => h('tr', {}, h('td', {}, l.code), h('td', {}, l.descriptor),
        h('td', {}, l.amountPerSession != null ? money(l.amountPerSession, e.currency) : 'no price'), h('td', {}, String(l.sessions)),
        h('td', {}, l.amount != null ? money(l.amount, e.currency) : '—'))))),
    h('details', {}, h('summary', {}, 'Assumptions'), h('ul', {}, e.assumptions.map((a) => h('li', {}, a)))),
    e.donationForAnother ? '' : assistanceScreen(orderId, e.currency));
  return panel;
}

/**
 * The financial-assistance screen: household size and income against the unit's policy (its year's poverty
 * guideline and its tiers), the discount the patient qualifies for and the share after it. Nothing is stored.
 */
function assistanceScreen(orderId, currency) {
  const out = h('div', { id: 'assistance-result', 'aria-live': 'polite' });
  const form = h('form', { id: 'assistance-form', class: 'grid grid-3', novalidate: true },
    field({ name: 'householdSize', label: 'People in the household', type: 'number', value: 1, required: true }),
    field({ name: 'annualIncome', label: 'Household income a year', type: 'number', unit: currency, required: true }),
    h('div', { class: 'form-errors span-2' }),
    h('div', { class: 'actions' }, h('button', { class: 'btn', type: 'submit', id: 'assistance-check' }, 'Check assistance')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearProblems(form);
    out.replaceChildren();
    const v = values(form);
    try {
      const a = await post(`/api/orders/${encodeURIComponent(orderId)}/assistance-screen`,
        { householdSize: toNumber(v.householdSize), annualIncome: toNumber(v.annualIncome) });
      const people = a.householdSize === 1 ? '1 person' : `${a.householdSize} people`;
      out.append(
        h('p', { id: 'assistance-percent' }, `The household's income is ${a.percentOfGuideline} % of the ${a.policyYear} poverty guideline for ${people} (${money(a.povertyGuideline, a.currency)} a year).`),
        h('p', { id: 'assistance-discount', class: 'kpi-value' }, Number(a.discountPercent) > 0
          ? `${a.discountPercent} % off the patient's share: ${money(a.patientShare, a.currency)} becomes ${money(a.patientShareAfter, a.currency)}`
          : `No discount under the unit's policy: the patient's share stays ${money(a.patientShare, a.currency)}`),
        h('p', { class: 'hint' }, `Tiers: ${a.tiers.map((t) => `up to ${t.upToPercentOfGuideline} %: ${t.discountPercent} % off`).join('; ')}. ${a.policySource}.`));
    } catch (err) { showProblems(form, err); }
  });
  return h('details', { id: 'assistance' }, h('summary', {}, 'Financial assistance'),
    h('p', { class: 'hint' }, 'Ask the household size and yearly income; the screen uses the unit\'s policy and keeps nothing.'), form, out);
}

/** The patient's coverages, and the form to record one (coordinators and billing). */
export async function coveragePanel(ctx, patientId) {
  const coverages = await get(`/api/patients/${encodeURIComponent(patientId)}/coverages`).catch(() => []);
  const canWrite = ctx.me.permissions.includes('coverage.write');
  let refill = () => {};
  const panel = h('section', { class: 'panel', id: 'coverages', 'aria-labelledby': 'h-coverages' }, h('h2', { id: 'h-coverages' }, 'Coverage and cost sharing'));
  panel.append(coverages.length ? h('table', { id: 'coverages-table' },
    h('thead', {}, h('tr', {}, ['Payer and plan', 'Payer kind', 'Plan year', 'Deductible (met)', 'Coinsurance / copay', 'Out-of-pocket max (met)', 'Prior authorisation', ''].map((t) => h('th', {}, t)))),
    h('tbody', {}, coverages.map((c, i) => h('tr', { class: superseded(coverages, i) ? 'muted' : null },
      h('td', {}, `${c.payer} · ${c.plan}`, h('div', { class: 'hint' }, `member ${c.memberId}${c.network ? ` · ${c.network}` : ''}`),
        superseded(coverages, i) ? h('div', { class: 'hint' }, 'superseded: a later record for this plan year is used') : null),
      h('td', { class: 'payer-kind' }, c.payerKind ? PAYER_KIND[c.payerKind] || c.payerKind
        : h('span', { class: 'chip chip-moderate', title: 'The coverage check needs it: record this coverage again with its payer kind' }, 'not recorded')),
      h('td', {}, `${date(c.planYearStart)} to ${date(c.planYearEnd)}`),
      h('td', {}, `${money(c.deductible, c.currency)} (${money(c.deductibleMet, c.currency)})`),
      h('td', {}, `${c.coinsurancePercent} % / ${money(c.copayPerVisit, c.currency)} per visit`),
      h('td', {}, `${money(c.outOfPocketMax, c.currency)} (${money(c.outOfPocketMet, c.currency)})`),
      h('td', {}, c.priorAuthorization ? `${c.priorAuthorization.number}, ${date(c.priorAuthorization.validFrom)} to ${date(c.priorAuthorization.validTo)}` : 'none'),
      h('td', {}, canWrite && !superseded(coverages, i) ? h('button', { class: 'btn btn-secondary btn-sm record-again', type: 'button',
        title: 'Open the form filled with this coverage: change what has changed (amounts met, payer kind, authorisation) and record it; this record stays',
        onclick: () => refill(c) }, 'Record again') : null))))) :
    h('p', { class: 'muted', id: 'no-coverage' }, 'No coverage on record: the patient pays the whole charge unless assistance applies.'));
  if (!canWrite) return panel;
  const year = new Date().getFullYear();
  const form = h('form', { id: 'coverage-form', class: 'grid grid-3', novalidate: true },
    field({ name: 'payer', label: 'Payer', required: true }),
    field({ name: 'payerKind', label: 'Payer kind', type: 'select', hint: 'The coverage rules are by payer kind; a Medicare Advantage plan follows Medicare\u2019s national coverage determinations',
      options: [['', 'not known'], ...Object.entries(PAYER_KIND)] }),
    field({ name: 'plan', label: 'Plan', required: true }),
    field({ name: 'memberId', label: 'Member id', required: true }),
    field({ name: 'network', label: 'Network', type: 'select', options: [['', 'not known'], ['in-network', 'in network'], ['out-of-network', 'out of network']] }),
    field({ name: 'planYearStart', label: 'Plan year from', type: 'date', value: `${year}-01-01`, required: true }),
    field({ name: 'planYearEnd', label: 'Plan year to', type: 'date', value: `${year}-12-31`, required: true }),
    field({ name: 'deductible', label: 'Deductible', type: 'number', unit: 'USD', required: true }),
    field({ name: 'deductibleMet', label: 'Deductible met so far', type: 'number', unit: 'USD', value: 0 }),
    field({ name: 'coinsurancePercent', label: 'Coinsurance', type: 'number', unit: '%', required: true }),
    field({ name: 'copayPerVisit', label: 'Copay per visit', type: 'number', unit: 'USD', value: 0 }),
    field({ name: 'outOfPocketMax', label: 'Out-of-pocket maximum', type: 'number', unit: 'USD', required: true }),
    field({ name: 'outOfPocketMet', label: 'Out-of-pocket met so far', type: 'number', unit: 'USD', value: 0 }),
    field({ name: 'priorAuthorization.number', label: 'Prior authorisation number' }),
    field({ name: 'priorAuthorization.validFrom', label: 'Valid from', type: 'date' }),
    field({ name: 'priorAuthorization.validTo', label: 'Valid to', type: 'date' }),
    h('div', { class: 'form-errors span-2' }),
    h('div', { class: 'actions' }, h('button', { class: 'btn btn-primary', type: 'submit', id: 'add-coverage' }, 'Record the coverage')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearProblems(form);
    const v = values(form);
    const body = { payer: v.payer, plan: v.plan, memberId: v.memberId, planYearStart: v.planYearStart, planYearEnd: v.planYearEnd };
    for (const k of ['deductible', 'deductibleMet', 'coinsurancePercent', 'copayPerVisit', 'outOfPocketMax', 'outOfPocketMet']) {
      body[k] = toNumber(v[k]);
    }
    if (v.network) body.network = v.network;
    if (v.payerKind) body.payerKind = v.payerKind;
    if (v['priorAuthorization.number']) {
      body.priorAuthorization = { number: v['priorAuthorization.number'], validFrom: v['priorAuthorization.validFrom'], validTo: v['priorAuthorization.validTo'] };
    }
    try {
      await post(`/api/patients/${encodeURIComponent(patientId)}/coverages`, body);
      toast('Coverage recorded');
      ctx.go(`/patients/${encodeURIComponent(patientId)}`);
    } catch (e) { showProblems(form, e); }
  });
  const details = h('details', { id: 'coverage-details' }, h('summary', {}, 'Record a coverage'), form);
  refill = (c) => {
    const set = (name, value) => { const el = form.querySelector(`[name="${name}"]`); if (el) el.value = value ?? ''; };
    for (const k of ['payer', 'payerKind', 'plan', 'memberId', 'network', 'planYearStart', 'planYearEnd', 'deductible', 'deductibleMet',
      'coinsurancePercent', 'copayPerVisit', 'outOfPocketMax', 'outOfPocketMet']) set(k, c[k]);
    const pa = c.priorAuthorization || {};
    set('priorAuthorization.number', pa.number); set('priorAuthorization.validFrom', pa.validFrom); set('priorAuthorization.validTo', pa.validTo);
    details.open = true;
    form.querySelector('[name="payerKind"]').focus();
  };
  panel.append(details);
  return panel;
}

/**
 * A coverage is superseded when a record listed before it spans its whole plan year: the server lists the latest plan
 * year first and the latest recorded first within it, and uses the first that covers a day (ISO dates compare as text).
 */
function superseded(list, i) {
  const c = list[i];
  return list.slice(0, i).some((o) => o.planYearStart <= c.planYearStart && o.planYearEnd >= c.planYearEnd);
}
