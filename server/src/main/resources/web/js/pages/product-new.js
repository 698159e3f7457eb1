// The product of a completed collection on its run sheet: a link to it once made, or, for the lab, the form that
// makes it from the bag the run sheet measured (the DIN comes from the unit's facility and sequence).
import { get, post } from '../api.js';
import { h, clear, field, values, showProblems, clearProblems, toNumber, chip, label, whenFields, whenValue } from '../ui.js';
import { patientName } from './common.js';

const COLLECTIONS = ['hpc-collection', 'lymphocyte-collection', 'granulocyte-collection'];

/** The panel, or null when the session collects nothing or the role reads no products. */
export async function productPanel(ctx, s) {
  if (!COLLECTIONS.includes(s.procedureType) || !ctx.can.readProducts()) return null;
  const made = (await get(`/api/products?patientId=${encodeURIComponent(s.patientId)}`).catch(() => []))
    .filter((p) => p.sessionId === s.id && !p.parentId);
  const panel = h('div', { class: 'panel no-print', id: 'session-product' }, h('h2', {}, 'Cell product'));
  if (made.length) {
    const p = made[0];
    panel.append(h('p', {}, h('a', { href: `#/products/${encodeURIComponent(p.id)}`, id: 'product-link', class: 'din' }, p.din), ' ',
      chip(p.status, label(p.status)), ` · ${p.kindName}`));
    return panel;
  }
  if (s.status !== 'completed' || !ctx.can.recordProducts()) {
    panel.append(h('p', { class: 'empty' }, s.status === 'completed' ? 'No product recorded yet: the lab records it.' : 'The lab records the product once the collection is completed.'));
    return panel;
  }
  const [table, patients] = await Promise.all([get('/api/product-descriptions'), get('/api/patients').catch(() => [])]);
  const donor = patients.find((p) => p.id === s.patientId);
  const isDonor = donor && donor.kind === 'donor';
  const codes = table.descriptions.map((d) => [d.code, `${d.code} · ${d.name}${d.example ? ' (EXAMPLE, not an ICCBBA code)' : ''}`]);
  const defaultCode = s.procedureType === 'hpc-collection' ? 'S1128' : s.procedureType === 'lymphocyte-collection' ? 'DEX01' : 'DEX02';
  const expiry = new Date(Date.now() + (s.procedureType === 'granulocyte-collection' ? 20 : 48) * 3600e3);
  const form = h('form', { id: 'product-new-form', class: 'grid grid-2', novalidate: true },
    field({ name: 'descriptionCode', label: `Product description (${table.name} table)`, type: 'select', options: codes, value: defaultCode, span: true }),
    field({ name: 'recipientId', label: 'Intended recipient', type: 'select', value: isDonor ? '' : s.patientId, required: true,
      options: [isDonor ? ['', '— the donor\'s recipient —'] : [s.patientId, 'This patient (autologous)'],
        ...patients.filter((p) => p.id !== s.patientId && p.kind !== 'donor').map((p) => [p.id, `${patientName(p)} · MRN ${p.mrn}`])] }),
    ...whenFields({ name: 'expiresAt', label: s.procedureType === 'granulocyte-collection' ? 'Expires (granulocytes: within 24 h of collection)' : 'Expires',
      value: expiry.toISOString(), required: true }),
    field({ name: 'anticoagulant', label: 'Anticoagulant', value: 'ACD-A', required: true }),
    field({ name: 'viabilityPercent', label: 'Viability', unit: '%', type: 'number' }),
    field({ name: 'abo', label: 'ABO', type: 'select', options: [['', '—'], ['O', 'O'], ['A', 'A'], ['B', 'B'], ['AB', 'AB']] }),
    field({ name: 'rh', label: 'RhD', type: 'select', options: [['', '—'], ['pos', 'positive'], ['neg', 'negative']] }),
    h('div', { class: 'form-errors span-2' }),
    h('div', { class: 'actions span-2' }, h('button', { class: 'btn btn-primary', type: 'submit', id: 'make-product' }, 'Make the product (quarantine)')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearProblems(form);
    const v = values(form);
    const body = { sessionId: s.id, descriptionCode: v.descriptionCode, anticoagulant: v.anticoagulant,
      expiresAt: whenValue(v, 'expiresAt') };
    if (v.recipientId) body.recipientId = v.recipientId;
    if (v.viabilityPercent) body.viabilityPercent = toNumber(v.viabilityPercent);
    if (v.abo) body.abo = v.abo;
    if (v.rh) body.rh = v.rh;
    try {
      const p = await post('/api/products', body);
      ctx.go(`/products/${encodeURIComponent(p.id)}`);
    } catch (e) {
      showProblems(form, e, { expiresAt: 'expiresAt.date' });
    }
  });
  clear(panel).append(h('h2', {}, 'Cell product'), h('p', {}, 'Made from the bag measured at the end of the collection; it stays in quarantine until two people release it.'), form);
  return panel;
}
