// Billing: the worklist of a period's charges (each with its code, the session's day, price and status; a
// correction is a new item with its reason, never an edit), the totals and the CSV export, and the unit's price
// list with its history (the administrator sets new prices; a new price closes the old one's period), and the
// financial-assistance policy with its versions. Billing sees codes and amounts, never clinical detail.
import { get, post, put } from '../api.js';
import { h, chip, date, dateTime, num, field, values, showProblems, clearProblems, toNumber, toast, todayIso, addDays } from '../ui.js';

/** A sum of money in its currency, as the unit reads it (e.g. "$1,000.00"). */
export function money(amount, currency) {
  if (amount === null || amount === undefined) return '—';
  try {
    return new Intl.NumberFormat('en-US', { style: 'currency', currency: currency || 'USD' }).format(Number(amount));
  } catch (e) {
    return `${num(Number(amount), 2)} ${currency || ''}`;
  }
}

export async function render(main, ctx) {
  if (!ctx.me.permissions.includes('charges.read')) {
    // the administrator keeps the price list and the assistance policy, and sees no patient's charges
    const [prices, policy] = await Promise.all([get('/api/price-list'), get('/api/assistance-policy')]);
    main.append(h('div', { class: 'page-head' }, h('div', {}, h('h1', {}, 'Prices and financial assistance'),
      h('div', { class: 'sub' }, 'What the unit charges, and the discount its patients may qualify for'))),
    priceList(prices, ctx), assistancePolicy(policy, ctx));
    return;
  }
  const params = new URLSearchParams(location.hash.split('?')[1] || '');
  const today = todayIso();
  const from = params.get('from') || addDays(today, -30);
  const to = params.get('to') || today;
  const readsPrices = ctx.me.permissions.includes('price.list.read');
  const [charges, patients, prices, policy] = await Promise.all([
    get(`/api/charges?from=${from}&to=${to}`),
    get('/api/patients').catch(() => []),
    readsPrices ? get('/api/price-list') : null,
    readsPrices ? get('/api/assistance-policy') : null]);
  const names = new Map(patients.map((p) => [p.id, `${p.familyName}, ${p.givenName}`]));
  const items = charges.items || [];
  const canCorrect = ctx.me.permissions.includes('charges.correct');

  const period = h('form', { id: 'period-form', class: 'inline-form', novalidate: true },
    field({ name: 'from', label: 'From', type: 'date', value: from }),
    field({ name: 'to', label: 'To', type: 'date', value: to }),
    h('button', { class: 'btn btn-secondary', type: 'submit' }, 'Show'));
  period.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const v = values(period);
    ctx.go(`/billing?from=${v.from}&to=${v.to}`);
  });

  const totals = Object.entries(charges.totals || {});
  const corrections = items.filter((c) => c.corrects);
  const unpriced = items.filter((c) => c.current && !c.priced && c.units > 0);
  const tbody = h('tbody', {}, items.length ? items.map((c) => chargeRow(c, names, canCorrect, ctx))
    : h('tr', {}, h('td', { colspan: 9, class: 'empty' }, 'No charge in this period.')));

  main.append(
    h('div', { class: 'page-head' },
      h('div', {}, h('h1', {}, 'Billing'), h('div', { class: 'sub' }, `Charges from ${date(from)} to ${date(to)}`)),
      h('div', { class: 'actions' }, period,
        h('a', { class: 'btn btn-ghost', id: 'export-csv', href: `/api/charges/export?from=${from}&to=${to}`,
          download: `charges-${from}-${to}.csv` }, 'Export CSV'))),
    h('div', { class: 'grid grid-3' },
      h('section', { class: 'panel kpi-panel' }, h('h2', {}, 'Billed'),
        totals.length ? totals.map(([cur, amount]) => h('p', { class: 'kpi-value', id: `total-${cur}` }, money(amount, cur)))
          : h('p', { class: 'muted' }, 'Nothing priced.'),
        h('p', { class: 'hint' }, `${items.filter((c) => c.current).length} current items; corrected items are kept and not counted`)),
      h('section', { class: 'panel' }, h('h2', {}, 'Needs attention'),
        h('ul', { id: 'attention' },
          unpriced.length ? h('li', {}, `${unpriced.length} item(s) without a price on their day: set the price list, then correct them`) : null,
          !unpriced.length ? h('li', { class: 'muted' }, 'Every current item is priced.') : null)),
      h('section', { class: 'panel' }, h('h2', {}, 'Corrections'),
        corrections.length ? h('ul', {}, corrections.map((c) => h('li', {}, `${c.code} on ${date(c.serviceDate)}: ${c.correctionReason} (${c.createdBy})`)))
          : h('p', { class: 'muted' }, 'No correction in this period.'))),
    h('section', { class: 'panel', id: 'charges' }, h('h2', {}, 'Charges'),
      h('div', { class: 'table-wrap' }, h('table', { id: 'charges-table' },
        h('thead', {}, h('tr', {}, ['Day', 'Patient', 'Code', 'What', 'Units', 'Unit price', 'Amount', 'Status', ''].map((t) => h('th', {}, t)))),
        tbody))),
    prices ? priceList(prices, ctx) : null,
    policy ? assistancePolicy(policy, ctx) : null);
}

/** "200, 100" per line: a tier up to 200 % of the guideline with 100 % off. */
function tierLines(tiers) {
  return tiers.map((t) => `${t.upToPercentOfGuideline}, ${t.discountPercent}`).join('\n');
}

/**
 * The unit's financial-assistance policy: the poverty guideline of its year, its tiers and where they come from;
 * the shipped EXAMPLE until the administrator sets the unit's own (every version is kept, the earlier ones below).
 */
function assistancePolicy(a, ctx) {
  const p = a.policy;
  const tierRow = (t, i, all) => h('tr', {}, h('td', {}, `${i === 0 ? '0' : all[i - 1].upToPercentOfGuideline} to ${t.upToPercentOfGuideline} %`),
    h('td', {}, `${t.discountPercent} % off the patient's share`));
  const table = (pol) => h('table', { class: 'assistance-tiers' },
    h('thead', {}, h('tr', {}, h('th', {}, 'Household income, % of the guideline'), h('th', {}, 'Discount'))),
    h('tbody', {}, pol.tiers.map(tierRow), h('tr', {}, h('td', {}, `above ${pol.tiers.length ? pol.tiers[pol.tiers.length - 1].upToPercentOfGuideline : 0} %`),
      h('td', {}, 'none'))));
  const guideline = (pol) => `${pol.year} poverty guideline: ${money(pol.guidelineFirstPerson, pol.currency)} for one person, `
    + `${money(pol.guidelinePerAdditionalPerson, pol.currency)} for each additional person`;
  let form = null;
  if (ctx.me.permissions.includes('price.list.edit')) {
    form = h('form', { id: 'assistance-policy-form', class: 'grid grid-4', novalidate: true },
      field({ name: 'year', label: 'Guideline year', type: 'number', value: p.year, required: true }),
      field({ name: 'guidelineFirstPerson', label: 'Guideline, one person', type: 'number', unit: p.currency, value: p.guidelineFirstPerson, required: true }),
      field({ name: 'guidelinePerAdditionalPerson', label: 'Each additional person', type: 'number', unit: p.currency, value: p.guidelinePerAdditionalPerson, required: true }),
      field({ name: 'tiers', label: 'Tiers', type: 'textarea', rows: 4, value: tierLines(p.tiers), required: true,
        hint: 'one per line: up to % of the guideline, discount % (e.g. 200, 100)' }),
      field({ name: 'source', label: 'Source', type: 'textarea', rows: 2, value: a.shipped ? '' : p.source, required: true,
        hint: 'the guideline\'s publication and the policy the tiers come from' }),
      h('div', { class: 'form-errors span-2' }),
      h('div', { class: 'actions' }, h('button', { class: 'btn btn-primary', type: 'submit', id: 'set-assistance-policy' }, 'Set the policy from now on')));
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      clearProblems(form);
      const v = values(form);
      const tiers = String(v.tiers || '').split('\n').map((l) => l.trim()).filter((l) => l).map((l) => {
        const [upTo, off] = l.split(/[,;\s]+/);
        return { upToPercentOfGuideline: toNumber(upTo), discountPercent: toNumber(off) };
      });
      try {
        await put('/api/assistance-policy', { year: toNumber(v.year), guidelineFirstPerson: toNumber(v.guidelineFirstPerson),
          guidelinePerAdditionalPerson: toNumber(v.guidelinePerAdditionalPerson), tiers, source: v.source });
        toast('Assistance policy set');
        ctx.go(location.hash.slice(1));
      } catch (e) {
        // a tier's problem names its line
        const problems = (e.problems || []).map((q) => {
          const m = /^tiers\[(\d+)\]/.exec(q.field || '');
          return m ? { ...q, field: 'tiers', message: `line ${Number(m[1]) + 1}: ${q.message}` } : q;
        });
        showProblems(form, e.problems ? { ...e, problems } : e);
      }
    });
  }
  return h('section', { class: 'panel', id: 'assistance-policy' }, h('h2', {}, 'Financial assistance policy'),
    a.shipped ? h('div', { class: 'alert alert-warn' }, h('p', {}, 'The policy shipped with the server: an EXAMPLE, '
      + 'no hospital\'s policy. The administrator sets the unit\'s own below.')) : null,
    h('p', { id: 'assistance-guideline' }, guideline(p)),
    table(p),
    h('p', { class: 'hint' }, `Source: ${p.source}`, a.setBy ? ` · set by ${a.setBy}, ${dateTime(a.setAt)}` : ''),
    a.history && a.history.length ? h('details', {}, h('summary', {}, `${a.history.length} earlier version(s)`),
      a.history.map((old) => h('div', { class: 'history-version' }, h('p', {}, `${guideline(old)} · set by ${old.setBy}, ${dateTime(old.setAt)}`), table(old)))) : null,
    form ? [h('h3', {}, 'Set the unit\'s policy'), form] : null);
}

function chargeRow(c, names, canCorrect, ctx) {
  const row = h('tr', { dataset: { charge: c.id }, class: c.current ? '' : 'superseded' },
    h('td', {}, date(c.serviceDate)),
    h('td', {}, names.get(c.patientId) || c.patientId, c.acquisition ? acquisitionHint(c.acquisition, names) : null),
    h('td', {}, h('span', { class: 'code' }, c.code), h('span', { class: 'unit' }, ` ${c.codeSystem}`),
      c.diagnosisCode ? h('div', { class: 'hint' }, `ICD-10 ${c.diagnosisCode}`) : null),
    h('td', {}, c.descriptor, c.correctionReason ? h('div', { class: 'hint' }, `Correction: ${c.correctionReason}`) : null),
    h('td', {}, String(c.units)),
    h('td', {}, c.priced ? money(c.unitPrice, c.currency) : h('span', { class: 'warn-text' }, 'no price')),
    h('td', {}, c.priced ? money(c.amount, c.currency) : '—'),
    h('td', {}, !c.current ? chip('corrected', 'Corrected')
      : c.acquisition ? chip('scheduled', 'Held for the transplant claim') : chip('billable', 'Billable')),
    h('td', {}, canCorrect && c.current ? h('button', { class: 'btn btn-ghost btn-sm', type: 'button', dataset: { correct: c.id },
      onclick: () => { formRow.hidden = !formRow.hidden; } }, 'Correct…') : null));
  const formRow = h('tr', { class: 'correction-row' }, h('td', { colspan: 9 }, correctionForm(c, ctx)));
  formRow.hidden = true;
  return [row, formRow];
}

/**
 * A donor's collection for another person: never billed to the donor, held for the recipient's transplant claim
 * (revenue code 0815); the recipient is known once the lab registers the collection's product.
 */
function acquisitionHint(a, names) {
  const whose = a.recipientId ? `${names.get(a.recipientId) || a.recipientId}'s` : 'the recipient\'s';
  return h('div', { class: 'hint acquisition' }, `Donor acquisition: held for ${whose} transplant claim, revenue code `
    + `${a.revenueCode}${a.recipientId ? '' : ' (no recipient here yet: the lab registers the product for one, or the'
      + ' transplant centre or registry elsewhere pays)'}`);
}

/** Billing corrects a charge: the units (0 takes it back), the code or the price instead, and why. */
function correctionForm(c, ctx) {
  const form = h('form', { class: 'grid grid-4 correction-form', novalidate: true, dataset: { for: c.id } },
    field({ name: 'units', label: 'Units', type: 'number', value: c.units, hint: '0 takes the charge back' }),
    field({ name: 'code', label: 'Code instead', placeholder: c.code }),
    field({ name: 'unitPrice', label: 'Unit price instead', type: 'number', unit: c.currency, hint: 'empty: the price list\'s on the day' }),
    field({ name: 'reason', label: 'Reason', required: true }),
    h('div', { class: 'form-errors span-2' }),
    h('div', { class: 'actions' }, h('button', { class: 'btn btn-primary', type: 'submit' }, 'Record the correction')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearProblems(form);
    const v = values(form);
    const body = { units: toNumber(v.units), reason: v.reason };
    if (v.code) body.code = v.code;
    if (v.unitPrice) body.unitPrice = toNumber(v.unitPrice);
    try {
      await post(`/api/charges/${encodeURIComponent(c.id)}/corrections`, body);
      toast('Correction recorded');
      ctx.go(location.hash.slice(1));
    } catch (e) { showProblems(form, e); }
  });
  return form;
}

/** The price list: current prices first, then the closed ones (the history); the administrator adds a price. */
function priceList(prices, ctx) {
  const entries = prices.entries || [];
  const current = entries.filter((e) => e.current);
  const past = entries.filter((e) => !e.current);
  const row = (e) => h('tr', {}, h('td', {}, h('span', { class: 'code' }, e.code)), h('td', {}, e.description),
    h('td', {}, money(e.price, e.currency), e.example ? h('span', { class: 'chip', title: 'an example price, not a real rate' }, ' example') : null),
    h('td', {}, date(e.effectiveFrom)), h('td', {}, e.effectiveTo ? date(e.effectiveTo) : 'open'), h('td', {}, `${e.createdBy} · ${dateTime(e.createdAt)}`));
  const head = h('thead', {}, h('tr', {}, ['Code', 'Description', 'Price', 'From', 'To', 'Set by'].map((t) => h('th', {}, t))));
  const canEdit = ctx.me.permissions.includes('price.list.edit');
  let form = null;
  if (canEdit) {
    form = h('form', { id: 'price-form', class: 'grid grid-4', novalidate: true },
      field({ name: 'code', label: 'Code', required: true, hint: 'a CPT or HCPCS code of the unit\'s table' }),
      field({ name: 'description', label: 'Description' }),
      field({ name: 'price', label: 'Price', type: 'number', unit: prices.currency, required: true }),
      field({ name: 'effectiveFrom', label: 'From', type: 'date', value: addDays(todayIso(), 1), required: true }),
      h('div', { class: 'form-errors span-2' }),
      h('div', { class: 'actions' }, h('button', { class: 'btn btn-primary', type: 'submit', id: 'set-price' }, 'Set the price')));
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      clearProblems(form);
      const v = values(form);
      const entry = { code: v.code, price: toNumber(v.price), currency: prices.currency, effectiveFrom: v.effectiveFrom };
      if (v.description) entry.description = v.description;
      try {
        await put('/api/price-list', { entries: [entry] });
        toast('Price set');
        ctx.go(location.hash.slice(1));
      } catch (e) { showProblems(form, e, { 'entries[0].code': 'code', 'entries[0].price': 'price', 'entries[0].effectiveFrom': 'effectiveFrom' }); }
    });
  }
  return h('section', { class: 'panel', id: 'price-list' }, h('h2', {}, 'Price list'),
    entries.some((e) => e.example) ? h('div', { class: 'alert alert-warn' }, h('p', {}, 'Prices marked “example” are invented for the demonstration, not any unit\'s or payer\'s rates.')) : null,
    h('div', { class: 'table-wrap' }, h('table', { id: 'prices-table' }, head, h('tbody', {}, current.map(row)))),
    past.length ? h('details', {}, h('summary', {}, `${past.length} earlier price(s)`),
      h('table', {}, head.cloneNode(true), h('tbody', {}, past.map(row)))) : null,
    form ? [h('h3', {}, 'New price'), form] : null);
}
