// One cell product: what it holds (volume, cells, doses per kg of its recipient), its chain of custody as a
// timeline, its label, and the next step its status allows: the lab's release (two people), storage, freezing,
// thaw, division and issue; the nurse's bedside check and infusion.
import { get, post } from '../api.js';
import { h, clear, chip, dateTime, field, checkbox, values, showProblems, clearProblems, toast, label, num, toNumber, whenFields, whenValue, unitText } from '../ui.js';
import { patientName } from './common.js';
import { positionPicker } from './storage.js';

const EVENT_TEXT = {
  'collected': 'Collected and recorded (quarantine)', 'release-prepared': 'Release prepared', 'release-verified': 'Release verified by a second person',
  'stored': 'Stored', 'moved': 'Moved', 'removed': 'Taken out of storage', 'cryopreserved': 'Cryopreserved', 'thawed': 'Thawed', 'divided': 'Divided into aliquots',
  'volume-reduced': 'Volume reduced', 't-cell-depleted': 'T-cell depleted',
  'divided-from': 'Made by division', 'issued': 'Issued for infusion', 'infused': 'Infused', 'discarded': 'Discarded',
};

/** A cell count in the UI's one notation, "2.16 ×10⁹" (three significant figures). */
function sci(v) {
  if (v === undefined || v === null) return '—';
  const [mantissa, exponent] = Number(v).toExponential(2).split('e');
  return `${mantissa} ${unitText(`10^${Number(exponent)}`)}`;
}

export async function render(main, ctx, [id]) {
  const p = await get(`/api/products/${encodeURIComponent(id)}`);
  const [recipient, donor, children, parent] = await Promise.all([
    get(`/api/patients/${encodeURIComponent(p.recipientId)}`).catch(() => null),
    p.autologous ? null : get(`/api/patients/${encodeURIComponent(p.donorId)}`).catch(() => null),
    Promise.all((p.children || []).map((c) => get(`/api/products/${encodeURIComponent(c)}`))),
    p.parentId ? get(`/api/products/${encodeURIComponent(p.parentId)}`).catch(() => null) : null,
  ]);
  const kg = recipient && recipient.weightKg;
  const perKg = (total) => (total && kg ? `${sci(total / kg)} /kg` : '—');
  const reload = () => ctx.go(`/products/${encodeURIComponent(id)}`);
  const messages = h('div', { id: 'product-messages', 'aria-live': 'polite' });
  const canLab = ctx.me.permissions.includes('products.record');
  const canInfuse = ctx.me.permissions.includes('products.infuse');

  const facts = h('dl', { class: 'facts' },
    h('dt', {}, 'DIN'), h('dd', { class: 'din', id: 'product-din' }, p.din.slice(0, -1), h('span', { class: 'check-box', title: 'keyboard check character' }, p.checkCharacter)),
    h('dt', {}, 'Product code'), h('dd', {}, `${p.productCode} (description ${p.descriptionCode}, division ${p.division})`),
    h('dt', {}, 'Product'), h('dd', {}, p.kindName),
    h('dt', {}, 'Recipient'), h('dd', {}, recipient ? h('a', { href: `#/patients/${encodeURIComponent(recipient.id)}` }, patientName(recipient)) : p.recipientId,
      recipient ? ` · MRN ${recipient.mrn}` : '', p.autologous ? ' · autologous: for this patient only' : '',
      h('div', {}, h('a', { id: 'therapy-link', href: `#/patients/${encodeURIComponent(p.recipientId)}/therapy` }, 'The recipient\'s therapy timeline'))),
    donor ? [h('dt', {}, 'Donor'), h('dd', {}, h('a', { href: `#/patients/${encodeURIComponent(donor.id)}` }, patientName(donor)), ` · MRN ${donor.mrn}`)] : null,
    parent ? [h('dt', {}, 'Divided from'), h('dd', {}, h('a', { href: `#/products/${encodeURIComponent(parent.id)}` }, `${parent.din} (${parent.division})`))] : null,
    h('dt', {}, 'Collected'), h('dd', {}, dateTime(p.collectedAt), ' · ', h('a', { href: `#/sessions/${encodeURIComponent(p.sessionId)}` }, 'the collection')),
    h('dt', {}, 'Expires'), h('dd', { id: 'product-expires' }, dateTime(p.expiresAt)),
    h('dt', {}, 'Where'), h('dd', {}, p.location || (p.status === 'issued' ? 'issued' : 'not stored')),
    h('dt', {}, 'State'), h('dd', {}, [p.frozen ? (p.thawed ? 'thawed' : 'frozen') : 'fresh', p.irradiated ? 'irradiated' : null,
      p.dmsoPercent ? `${num(p.dmsoPercent, 1)} % DMSO` : null].filter(Boolean).join(' · ')));

  const contents = h('table', { class: 'compact' },
    h('thead', {}, h('tr', {}, h('th', {}, 'What'), h('th', {}, 'Measured'), h('th', {}, 'In the bag'), h('th', {}, kg ? `Per kg of ${num(kg, 1)} kg` : 'Per kg'))),
    h('tbody', {},
      h('tr', {}, h('td', {}, 'Volume'), h('td', {}, `${num(p.volumeMl, 1)} mL`), h('td', {}, ''), h('td', {}, '')),
      h('tr', {}, h('td', {}, 'CD34+ cells'), h('td', {}, p.cd34PerUl !== undefined ? `${num(p.cd34PerUl, 0)} /µL` : '—'), h('td', {}, sci(p.cd34Total)), h('td', { id: 'cd34-per-kg' }, perKg(p.cd34Total))),
      h('tr', {}, h('td', {}, 'CD3+ cells'), h('td', {}, p.cd3PerUl !== undefined ? `${num(p.cd3PerUl, 0)} /µL` : '—'), h('td', {}, sci(p.cd3Total)), h('td', {}, perKg(p.cd3Total))),
      h('tr', {}, h('td', {}, 'Nucleated cells'), h('td', {}, p.wbcE9PerL !== undefined ? `${num(p.wbcE9PerL, 0)} × 10⁹/L` : '—'), h('td', {}, sci(p.tncTotal)), h('td', {}, perKg(p.tncTotal))),
      h('tr', {}, h('td', {}, 'Granulocytes (neutrophils)'), h('td', {}, p.neutrophilsE9PerL !== undefined ? `${num(p.neutrophilsE9PerL, 0)} × 10⁹/L` : '—'), h('td', { id: 'granulocytes-total' }, sci(p.neutrophilTotal)), h('td', {}, perKg(p.neutrophilTotal))),
      h('tr', { id: 'latest-hematocrit' }, h('td', {}, 'Haematocrit'), h('td', {}, p.hematocrit ? `${num(p.hematocrit.percent, 1)} %` : '—'), h('td', { colspan: 2 }, measuredBy(p.hematocrit, p.id))),
      h('tr', { id: 'latest-viability' }, h('td', {}, 'Viability'), h('td', {}, p.viability ? `${num(p.viability.percent, 0)} %` : '—'), h('td', { colspan: 2 }, measuredBy(p.viability, p.id)))));

  const timeline = h('ol', { class: 'timeline', id: 'custody' }, p.custody.map((e) => h('li', {},
    h('div', { class: 'when' }, dateTime(e.at)),
    h('div', { class: 'what' }, h('strong', {}, EVENT_TEXT[e.type] || label(e.type)), ' ', chip(e.statusAfter, label(e.statusAfter))),
    h('div', { class: 'who' }, e.verifier ? `by ${e.verifier}, the second person` : `by ${e.by}`, e.location ? ` · ${e.location}` : '',
      e.temperatureC !== undefined ? ` · ${num(e.temperatureC, 1)} °C` : ''),
    e.details ? h('div', { class: 'details' }, detailText(e)) : null)));

  const lab = canLab ? labActions(p, messages, reload, ctx) : null;
  const bedside = canInfuse && p.status === 'issued' ? bedsideForm(p, recipient, reload) : null;

  main.append(...[h('div', { class: 'page-head' },
    h('div', {}, h('h1', {}, `${p.kindName} ${p.din}`), h('div', { class: 'sub' }, chip(p.status, label(p.status)), p.division !== '00' ? ` aliquot ${p.division}` : '')),
    h('div', { class: 'actions no-print' },
      p.labelRefusal ? h('span', { class: 'hint', id: 'no-label' }, `No label: ${p.labelRefusal}`)
        : h('a', { class: 'btn btn-secondary', href: `/api/products/${encodeURIComponent(p.id)}/label.pdf`, target: '_blank', id: 'label-link' }, 'Label (PDF)'),
      h('a', { class: 'btn btn-ghost', href: '#/products' }, 'All products'))),
    messages,
    (p.excursions || []).length ? h('div', { class: 'alert alert-danger', role: 'alert', id: 'product-excursions' },
      h('h4', {}, 'Temperature excursion while stored'),
      h('p', {}, `${p.location.split('/')[0].trim()} read ${p.excursions.map((r) => `${num(r.celsius, 1)} °C at ${dateTime(r.at)}`).join(', ')}, outside its range, since this product went in. The lab assesses the product before release or issue.`)) : null,
    seriousReaction(p),
    h('div', { class: 'grid grid-2' },
      h('div', { class: 'panel' }, h('h2', {}, 'Product'), facts),
      h('div', { class: 'panel' }, h('h2', {}, 'Contents and dose'), contents,
        h('p', { class: 'hint' }, 'Cells in the bag = count per µL × volume in mL × 1,000; per kg of the recipient\'s recorded weight.'))),
    children.length ? h('div', { class: 'panel', id: 'aliquots' }, h('h2', {}, 'Aliquots'), h('table', { class: 'compact' },
      h('thead', {}, h('tr', {}, h('th', {}, 'Division'), h('th', {}, 'Volume'), h('th', {}, 'CD3+ /kg'), h('th', {}, 'CD34+ /kg'), h('th', {}, 'Status'))),
      h('tbody', {}, children.map((c) => h('tr', {}, h('td', {}, h('a', { href: `#/products/${encodeURIComponent(c.id)}` }, c.division)),
        h('td', {}, `${num(c.volumeMl, 1)} mL`), h('td', {}, perKg(c.cd3Total)), h('td', {}, perKg(c.cd34Total)), h('td', {}, chip(c.status, label(c.status)))))))) : null,
    bedside,
    lab,
    h('div', { class: 'panel' }, h('h2', {}, 'Chain of custody'), h('p', { class: 'hint' }, 'Every step as recorded, oldest first; nothing here is ever changed.'), timeline)]
    .filter(Boolean));
}

/**
 * A reaction of CTCAE grade 3 or more at this product's infusion, at the top of the page: a serious adverse event
 * of the recipient (the FHIR face answers it as one, with this product as the suspect).
 */
function seriousReaction(p) {
  const serious = p.custody.filter((e) => e.type === 'infused' && e.details && e.details.reactionGrade >= 3);
  if (!serious.length) return null;
  return h('div', { class: 'alert alert-danger', role: 'alert', id: 'serious-reaction' },
    h('h4', {}, 'Serious reaction at the infusion'),
    serious.map((e) => h('p', {}, `CTCAE grade ${e.details.reactionGrade} at ${dateTime(e.at)}, recorded by ${e.by}: ${e.details.reaction}. `
      + 'It is in the recipient\'s record as a serious adverse event with this product as the suspect; report it as the unit\'s procedure for adverse reactions says.')));
}

function detailText(e) {
  const d = e.details;
  const parts = [];
  if (d.reason) parts.push(`reason: ${d.reason}`);
  if (d.from) parts.push(`from ${d.from}`);
  if (d.positionFreed) parts.push(`position ${d.positionFreed} freed`);
  if (d.note) parts.push(d.note);
  if (d.dmsoPercent) parts.push(`${d.dmsoPercent} % DMSO`);
  if (d.freezingRecord) parts.push(d.freezingRecord);
  if (d.expiresAt) parts.push(`expires ${dateTime(d.expiresAt)}`);
  if (d.irradiated !== undefined) parts.push(d.irradiated ? 'irradiated' : 'not irradiated');
  if (d.issuedTo) parts.push(`to ${d.issuedTo}`);
  if (d.aliquots) parts.push(`${d.aliquots.length} aliquots: ${d.aliquots.map((a) => `${a.division} ${num(a.volumeMl, 1)} mL`).join(', ')}`);
  if (d.volumeMl && e.type === 'infused') parts.push(`${num(d.volumeMl, 1)} mL given`);
  if (d.volumeBeforeMl !== undefined) parts.push(`${num(d.volumeBeforeMl, 1)} → ${num(d.volumeMl, 1)} mL`);
  if (d.method) parts.push(d.method);
  if (d.cd34RecoveryPercent !== undefined) parts.push(`CD34+ recovery ${num(d.cd34RecoveryPercent, 1)} %`);
  if (d.tncRecoveryPercent !== undefined) parts.push(`nucleated cell recovery ${num(d.tncRecoveryPercent, 1)} %`);
  if (d.cd3RemainingPercent !== undefined) parts.push(`CD3+ left ${num(d.cd3RemainingPercent, 1)} % (${sci(d.cd3Total)} cells)`);
  if (d.descriptionCodeBefore) parts.push(`product code ${d.descriptionCodeBefore} → ${d.descriptionCode}`);
  if (d.cd34PerKg) parts.push(`CD34+ ${sci(d.cd34PerKg)} /kg`);
  if (d.cd3PerKg) parts.push(`CD3+ ${sci(d.cd3PerKg)} /kg`);
  if (d.granulocytesPerKg) parts.push(`granulocytes ${sci(d.granulocytesPerKg)} /kg`);
  if (d.dmsoGPerKgLast24h !== undefined) parts.push(`DMSO ${num(d.dmsoGPerKgLast24h, 2)} g/kg in 24 h`);
  if (d.vitalsBefore) parts.push(`before: ${vitalsText(d.vitalsBefore)}`);
  if (d.vitalsAfter) parts.push(`after: ${vitalsText(d.vitalsAfter)}`);
  if (d.reaction) parts.push(`reaction${d.reactionGrade ? ` (CTCAE grade ${d.reactionGrade})` : ''}: ${d.reaction}`);
  else if (e.type === 'infused') parts.push('no reaction recorded');
  if (d.preparedBy) parts.push(`prepared by ${d.preparedBy}`);
  return parts.join(' · ');
}

// The lab's steps: only those the product's status allows are offered.
function labActions(p, messages, reload, ctx) {
  const inStock = ['quarantine', 'release-pending', 'released'].includes(p.status);
  const steps = [];
  if (p.status === 'quarantine') steps.push(['release-prepared', 'Prepare release']);
  if (p.status === 'release-pending') steps.push(['release-verified', 'Verify release (second person)']);
  if (inStock) steps.push(p.location ? ['moved', 'Move'] : ['stored', 'Store']);
  if (p.location) steps.push(['removed', 'Take out']);
  if (inStock && !p.frozen && p.kind !== 'granulocytes') steps.push(['cryopreserved', 'Cryopreserve']);
  if (p.frozen && !p.thawed && ['released', 'issued'].includes(p.status)) steps.push(['thawed', 'Record thaw']);
  if (inStock && (!p.frozen || p.thawed) && p.kind !== 'granulocytes') {
    steps.push(['volume-reduced', 'Volume reduction'], ['t-cell-depleted', 'T-cell depletion']);
  }
  if (inStock) steps.push(['divided', 'Divide into aliquots']);
  if (p.status === 'released') steps.push(['issued', 'Issue']);
  if (!['infused', 'discarded', 'divided'].includes(p.status)) steps.push(['discarded', 'Discard']);
  if (!steps.length) return null;
  const slot = h('div', { id: 'step-form-slot' });
  const buttons = h('div', { class: 'actions' }, steps.map(([type, text]) => h('button', {
    class: type === 'discarded' ? 'btn btn-danger' : 'btn btn-secondary', type: 'button', id: `step-${type}`,
    onclick: () => { clear(slot).append(stepForm(p, type, text, reload)); } }, text)));
  return h('div', { class: 'panel no-print', id: 'lab-steps' }, h('h2', {}, 'Lab steps'), buttons, slot);
}

function stepForm(p, type, title, reload) {
  const extra = [];
  if (type === 'stored' || type === 'moved') extra.push(positionPicker(p),
    field({ name: 'temperatureC', label: 'Temperature', unit: '°C', type: 'number' }));
  if (type === 'cryopreserved') extra.push(field({ name: 'dmsoPercent', label: 'DMSO', unit: '%', type: 'number', required: true, value: 10 }),
    ...whenFields({ name: 'expiresAt', label: 'New expiry', required: true }),
    field({ name: 'freezingRecord', label: 'Controlled-rate freezing record', type: 'textarea', span: true }));
  if (type === 'thawed') extra.push(...whenFields({ name: 'expiresAt', label: 'Expiry after thaw', required: true }),
    field({ name: 'temperatureC', label: 'Water bath', unit: '°C', type: 'number', value: 37 }));
  if (type === 'issued') extra.push(field({ name: 'issuedTo', label: 'Issued to (ward, bed)', span: true }),
    checkbox({ name: 'irradiated', label: p.kind === 'granulocytes' ? 'Irradiated (required for granulocytes)' : 'Irradiated', checked: p.irradiated }));
  if (type === 'discarded') extra.push(field({ name: 'reason', label: 'Reason', type: 'textarea', required: true, span: true }));
  if (type === 'divided') extra.push(field({ name: 'aliquotVolumes', label: 'Aliquot volumes, mL, separated by commas', required: true,
    hint: `The bag holds ${num(p.volumeMl, 1)} mL; aliquots get divisions A0, B0, …`, span: true }));
  if (type === 'volume-reduced' || type === 't-cell-depleted') {
    extra.push(field({ name: 'volumeMl', label: 'Volume after', unit: 'mL', type: 'number', required: true, hint: `The bag holds ${num(p.volumeMl, 1)} mL now` }));
    if (type === 't-cell-depleted') extra.push(field({ name: 'method', label: 'Method', required: true, placeholder: 'e.g. CD34+ selection, CD3+/CD19+ depletion', span: true }));
    // every count the product carries is counted again: none is scaled from the volume
    if (p.cd34PerUl !== undefined) extra.push(field({ name: 'cd34PerUl', label: 'CD34+ cells after', unit: '/µL', type: 'number', required: true }));
    if (type === 't-cell-depleted' || p.cd3PerUl !== undefined) extra.push(field({ name: 'cd3PerUl', label: 'CD3+ cells after', unit: '/µL', type: 'number', required: true }));
    if (p.wbcE9PerL !== undefined) extra.push(field({ name: 'wbcE9PerL', label: 'Nucleated cells after', unit: '× 10⁹/L', type: 'number', required: true }));
    extra.push(field({ name: 'descriptionCode', label: 'New product description code (if the step changes it)', hint: `now ${p.descriptionCode}; from the unit's table`, span: true }),
      field({ name: 'reason', label: 'Note (optional)', span: true }));
  }
  if (['volume-reduced', 't-cell-depleted', 'thawed'].includes(type)) {
    extra.push(field({ name: 'viabilityPercent', label: 'Viability after (optional)', unit: '%', type: 'number', hint: 'viable nucleated cells' }),
      field({ name: 'hematocritPercent', label: 'Haematocrit after (optional)', unit: '%', type: 'number' }));
  }
  if (['release-prepared', 'release-verified', 'removed'].includes(type)) extra.push(field({ name: 'reason', label: 'Note (optional)', span: true }));
  const form = h('form', { id: 'step-form', class: 'grid grid-2', novalidate: true },
    h('h3', { class: 'span-2' }, title),
    ...whenFields({ name: 'at', label: 'When', value: new Date().toISOString(), required: true }),
    extra, h('div', { class: 'form-errors span-2' }),
    h('div', { class: 'actions span-2' }, h('button', { class: 'btn btn-primary', type: 'submit', id: 'record-step' }, `Record: ${title}`)));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearProblems(form);
    const v = values(form);
    const body = { type, at: whenValue(v, 'at') };
    for (const k of ['location', 'containerId', 'position', 'reason', 'freezingRecord', 'issuedTo', 'method', 'descriptionCode']) if (v[k]) body[k] = v[k];
    for (const k of ['temperatureC', 'dmsoPercent', 'volumeMl', 'cd34PerUl', 'cd3PerUl', 'wbcE9PerL', 'viabilityPercent', 'hematocritPercent']) if (v[k] !== undefined && v[k] !== '') body[k] = toNumber(v[k]);
    const expires = whenValue(v, 'expiresAt');
    if (expires) body.expiresAt = expires;
    if (type === 'issued') body.irradiated = !!v.irradiated;
    if (type === 'divided') body.aliquots = String(v.aliquotVolumes || '').split(',').map((s) => s.trim()).filter(Boolean).map((s) => ({ volumeMl: toNumber(s) }));
    try {
      await post(`/api/products/${encodeURIComponent(p.id)}/events`, body);
      toast(`${title}: recorded`);
      reload();
    } catch (e) {
      showProblems(form, e.body && e.body.key ? { ...e, problems: [{ field: e.body.field || null, message: e.message }] } : e, { aliquots: 'aliquotVolumes', at: 'at.date', expiresAt: 'expiresAt.date' });
    }
  });
  return form;
}

// Vital signs at the bedside, each with its unit (the server keeps the ranges the session's vitals accept).
const VITALS = [['systolicMmHg', 'Systolic', 'mmHg'], ['diastolicMmHg', 'Diastolic', 'mmHg'], ['pulsePerMin', 'Pulse', '/min'],
  ['spo2Percent', 'SpO₂', '%'], ['temperatureC', 'Temperature', '°C']];
// CTCAE v5.0, "Infusion related reaction" (docs/sources.md, "Bedside observations").
const REACTION_GRADES = [
  ['1', '1 — mild, transient; no interruption, no intervention'],
  ['2', '2 — interruption indicated; responds promptly to symptomatic treatment'],
  ['3', '3 — prolonged or recurring; hospitalisation indicated'],
  ['4', '4 — life-threatening; urgent intervention indicated'],
  ['5', '5 — death']];

function vitalsFieldset(prefix, legend) {
  return h('fieldset', { class: 'span-2', id: `${prefix}-fields` }, h('legend', {}, legend),
    h('div', { class: 'grid grid-5' }, VITALS.map(([k, text, unit]) => field({ name: `${prefix}.${k}`, label: text, unit, type: 'number' }))));
}

function vitalsText(v) {
  if (!v) return null;
  const bp = v.systolicMmHg !== undefined || v.diastolicMmHg !== undefined ? `BP ${v.systolicMmHg ?? '–'}/${v.diastolicMmHg ?? '–'} mmHg` : null;
  return [bp, v.pulsePerMin !== undefined ? `pulse ${v.pulsePerMin} /min` : null, v.spo2Percent !== undefined ? `SpO₂ ${v.spo2Percent} %` : null,
    v.temperatureC !== undefined ? `${num(v.temperatureC, 1)} °C` : null].filter(Boolean).join(', ');
}

// The bedside check: the nurse scans the bag's DIN and the wristband; the server refuses anything that does not
// match, and says why, before anything is recorded.
function bedsideForm(p, recipient, reload) {
  const result = h('div', { id: 'bedside-result', 'aria-live': 'assertive' });
  const form = h('form', { id: 'bedside-form', class: 'grid grid-2', novalidate: true },
    field({ name: 'scannedDin', label: 'Scan or type the DIN on the bag (with its check character)', required: true, autofocus: true, span: true,
      hint: 'e.g. A9999 26 000001 K, or the bar code as the scanner reads it' }),
    field({ name: 'patientId', label: 'Scan the wristband (MRN or patient id)', required: true, span: true }),
    ...whenFields({ name: 'at', label: 'Infusion started', value: new Date().toISOString(), required: true }),
    field({ name: 'volumeMl', label: 'Volume given', unit: 'mL', type: 'number', value: p.volumeMl }),
    vitalsFieldset('vitalsBefore', 'Vital signs before the infusion'),
    vitalsFieldset('vitalsAfter', 'Vital signs after the infusion'),
    field({ name: 'reaction', label: 'Reaction, if any', type: 'textarea', span: true }),
    field({ name: 'reactionGrade', label: 'Reaction grade (CTCAE v5.0, infusion related reaction)', type: 'select', span: true,
      options: [['', 'no reaction'], ...REACTION_GRADES] }),
    p.dmsoPercent ? checkbox({ name: 'acknowledgeDmsoLimit', label: 'The physician accepts DMSO above the daily limit (only if the check says so)' }) : null,
    p.kind === 'lymphocytes' ? checkbox({ name: 'acknowledgeGvhdHold', label: 'The physician decided to give this dose despite GVHD recorded since the last dose (only if the check says so)' }) : null,
    h('div', { class: 'form-errors span-2' }),
    h('div', { class: 'actions span-2' }, h('button', { class: 'btn btn-primary btn-lg', type: 'submit', id: 'check-and-infuse' }, 'Check and record infusion')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearProblems(form);
    clear(result);
    const v = values(form);
    const body = { scannedDin: v.scannedDin, patientId: v.patientId, at: whenValue(v, 'at') };
    if (v.volumeMl) body.volumeMl = toNumber(v.volumeMl);
    if (v.reaction) body.reaction = v.reaction;
    if (v.reactionGrade) body.reactionGrade = Number(v.reactionGrade);
    for (const when of ['vitalsBefore', 'vitalsAfter']) {
      const vs = {};
      for (const [k] of VITALS) if (v[`${when}.${k}`]) vs[k] = toNumber(v[`${when}.${k}`]);
      if (Object.keys(vs).length) body[when] = vs;
    }
    if (v.acknowledgeDmsoLimit) body.acknowledgeDmsoLimit = true;
    if (v.acknowledgeGvhdHold) body.acknowledgeGvhdHold = true;
    try {
      await post(`/api/products/${encodeURIComponent(p.id)}/infusions`, body);
      toast('Infusion recorded');
      reload();
    } catch (e) {
      if (e.status === 409 && e.body.key === 'BEDSIDE_CHECK_FAILED') {
        result.append(h('div', { class: 'alert alert-danger', role: 'alert', id: 'bedside-refused' },
          h('h4', {}, 'STOP: do not infuse'), h('p', {}, e.message.replace(/^do not infuse: /, '')),
          h('p', { class: 'unit' }, `check failed: ${label(e.body.reason)}`)));
      } else {
        showProblems(form, e, { at: 'at.date' });
      }
    }
  });
  return h('div', { class: 'panel', id: 'bedside' }, h('h2', {}, 'Bedside check and infusion'),
    h('p', {}, `Intended recipient: ${recipient ? `${patientName(recipient)}, MRN ${recipient.mrn}` : p.recipientId}. Scan the bag and the wristband; the server checks the DIN, the recipient, the status, the expiry and the thaw before anything is recorded.`),
    result, form);
}

/** Which step measured the latest value, and when: the collection, or a processing step (on this bag or its parent). */
function measuredBy(m, productId) {
  if (!m) return '';
  const where = m.productId !== productId ? ' (on the product it was divided from)' : '';
  return h('span', { class: 'small muted' }, `measured at ${m.step === 'collected' ? 'the collection' : (EVENT_TEXT[m.step] || m.step).toLowerCase()}, ${dateTime(m.at)}${where}`);
}
