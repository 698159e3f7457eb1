// The lab's inventory of cell products: every product by status, where it is stored (the freezer map groups
// stored products by their storage unit and position), and what expires soon. One click to a product.
import { get, post } from '../api.js';
import { h, chip, dateTime, label, num, field, values, showProblems, clearProblems, toNumber, toast } from '../ui.js';

const STATUSES = ['quarantine', 'release-pending', 'released', 'issued', 'infused', 'discarded', 'divided'];

export async function render(main, ctx) {
  const [products, patients, storage] = await Promise.all([get('/api/products'), get('/api/patients').catch(() => []),
    get('/api/storage-units').catch(() => [])]);
  const unitsByName = new Map(storage.map((u) => [u.unit.name.toLowerCase(), u]));
  const names = new Map(patients.map((p) => [p.id, `${p.familyName}, ${p.givenName}`]));
  const filter = h('select', { id: 'status-filter', name: 'status' },
    h('option', { value: '' }, 'In stock (quarantine, release pending, released)'),
    h('option', { value: 'all' }, 'All'),
    STATUSES.map((s) => h('option', { value: s }, label(s))));
  const tbody = h('tbody');
  const draw = () => {
    const f = filter.value;
    const shown = products.filter((p) => (f === 'all' ? true : f ? p.status === f
      : ['quarantine', 'release-pending', 'released'].includes(p.status)));
    tbody.replaceChildren(...shown.map((p) => h('tr', { class: 'clickable', onclick: () => ctx.go(`/products/${encodeURIComponent(p.id)}`) },
      h('td', {}, h('a', { href: `#/products/${encodeURIComponent(p.id)}`, class: 'din' }, p.din), p.division !== '00' ? h('span', { class: 'unit' }, ` division ${p.division}`) : null),
      h('td', {}, p.kindName),
      h('td', {}, chip(p.status, label(p.status))),
      h('td', {}, names.get(p.recipientId) || '—', p.autologous ? h('span', { class: 'unit' }, ' autologous') : null),
      h('td', {}, `${num(p.volumeMl, 0)} mL`),
      h('td', {}, p.location || '—'),
      h('td', {}, dateTime(p.expiresAt)))));
    if (!tbody.children.length) tbody.append(h('tr', {}, h('td', { colspan: 7, class: 'empty' }, 'No product here.')));
  };
  filter.addEventListener('change', draw);
  draw();

  // The freezer map: stored products by storage unit (the location's first part), sorted by position.
  const stored = products.filter((p) => p.location && ['quarantine', 'release-pending', 'released'].includes(p.status));
  const units = new Map();
  for (const p of stored) {
    const [unit, ...rest] = p.location.split('/').map((s) => s.trim());
    if (!units.has(unit)) units.set(unit, []);
    units.get(unit).push({ p, position: rest.join(' / ') || '—' });
  }
  const freezer = h('div', { class: 'panel', id: 'freezer-map' }, h('h2', {}, 'Freezer map'),
    units.size ? h('div', { class: 'grid grid-2' }, [...units.entries()].sort().map(([unit, items]) => h('div', { class: 'storage-unit' },
      h('h3', {}, unit),
      unitStatus(unitsByName.get(unit.toLowerCase())),
      h('ul', { class: 'positions' }, items.sort((a, b) => a.position.localeCompare(b.position)).map(({ p, position }) =>
        h('li', {}, h('span', { class: 'position' }, position), ' ', h('a', { href: `#/products/${encodeURIComponent(p.id)}` }, p.din),
          p.division !== '00' ? ` ${p.division}` : '', ' ', chip(p.status, label(p.status)))))))) : h('p', { class: 'empty' }, 'Nothing is stored.'));

  main.append(...[h('div', { class: 'page-head' },
    h('div', {}, h('h1', {}, 'Cell products'), h('div', { class: 'sub' }, `${products.length} on record`)),
    h('div', { class: 'actions' }, h('label', { for: 'status-filter' }, 'Show'), filter)),
    h('div', { class: 'panel' }, h('div', { class: 'table-wrap' }, h('table', { id: 'products-table' },
      h('thead', {}, h('tr', {}, h('th', {}, 'DIN'), h('th', {}, 'Product'), h('th', {}, 'Status'), h('th', {}, 'Recipient'),
        h('th', {}, 'Volume'), h('th', {}, 'Stored in'), h('th', {}, 'Expires'))),
      tbody))),
    freezer,
    ctx.can.recordProducts() ? temperatureLog(storage, ctx) : null].filter(Boolean));
}

/** A unit's range, last reading and excursions, as the freezer map shows them above its positions. */
function unitStatus(u) {
  if (!u) return h('p', { class: 'hint' }, 'Not a storage unit on record: no temperature log.');
  const last = u.last;
  return h('div', { class: 'unit-status', dataset: { unit: u.unit.name } },
    h('p', { class: 'hint' }, `Kept at ${num(u.unit.lowestC, 0)} to ${num(u.unit.highestC, 0)} °C · `,
      last ? `last reading ${num(last.celsius, 1)} °C at ${dateTime(last.at)}` : 'no reading yet'),
    u.excursions.length ? h('div', { class: 'alert alert-danger excursions', role: 'alert' },
      h('h4', {}, `${u.excursions.length} temperature excursion(s)`),
      h('p', {}, u.excursions.slice(0, 3).map((r) => `${num(r.celsius, 1)} °C at ${dateTime(r.at)}`).join(' · '))) : null);
}

/** The lab enters a reading or imports the monitor's export (lines "at,celsius") into a unit's log. */
function temperatureLog(storage, ctx) {
  if (!storage.length) return null;
  const form = h('form', { id: 'reading-form', class: 'grid grid-2', novalidate: true },
    field({ name: 'unit', label: 'Storage unit', type: 'select', options: storage.map((u) => [u.unit.id, u.unit.name]) }),
    field({ name: 'celsius', label: 'Reading now', unit: '°C', type: 'number' }),
    field({ name: 'csv', label: 'Or paste the monitor\'s export (at,celsius per line)', type: 'textarea', rows: 3, span: true }),
    h('div', { class: 'form-errors span-2' }),
    h('div', { class: 'actions span-2' }, h('button', { class: 'btn btn-primary', type: 'submit', id: 'record-reading' }, 'Record')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearProblems(form);
    const v = values(form);
    const body = v.csv ? { csv: v.csv } : { readings: [{ at: new Date().toISOString(), celsius: toNumber(v.celsius) }] };
    try {
      await post(`/api/storage-units/${encodeURIComponent(v.unit)}/readings`, body);
      toast('Temperature recorded');
      ctx.go('/products');
    } catch (e) {
      showProblems(form, e, { 'readings[0].celsius': 'celsius' });
    }
  });
  return h('div', { class: 'panel no-print', id: 'temperature-log' }, h('h2', {}, 'Temperature log'), form);
}
