// The lab's inventory of cell products: every product by status, where it is stored (the freezer map groups
// stored products by their storage unit and position), and what expires soon. One click to a product.
import { get, post } from '../api.js';
import { h, chip, dateTime, label, num, field, values, showProblems, clearProblems, toNumber, toast } from '../ui.js';
import { positionMap, containerGrid, UNIT_KINDS, kindText } from './storage.js';

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

  // The freezer map: each storage unit on record with its temperature status; a unit laid out in containers shows
  // them as the grids on the boxes (GET /api/storage-units/{id}/map); products stored by a location text alone are
  // listed under the unit their location names first.
  const inStock = (p) => ['quarantine', 'release-pending', 'released'].includes(p.status);
  const maps = new Map(await Promise.all(storage.filter((u) => u.containers && u.containers.length)
    .map(async (u) => [u.unit.id, await positionMap(u.unit.id).catch(() => null)])));
  // products stored by a location text, by the unit their location names first (lower case), for units not laid out
  const byText = new Map();
  for (const p of products.filter((x) => x.location && inStock(x))) {
    const [unit, ...rest] = p.location.split('/').map((s) => s.trim());
    const key = unit.toLowerCase();
    if (!byText.has(key)) byText.set(key, { name: unit, items: [] });
    byText.get(key).items.push({ p, position: rest.join(' / ') || '—' });
  }
  const listed = (items) => h('ul', { class: 'positions' }, items.sort((a, b) => a.position.localeCompare(b.position)).map(({ p, position }) =>
    h('li', {}, h('span', { class: 'position' }, position), ' ', h('a', { href: `#/products/${encodeURIComponent(p.id)}` }, p.din),
      p.division !== '00' ? ` ${p.division}` : '', ' ', chip(p.status, label(p.status)))));
  const unitPanels = storage.slice().sort((a, b) => a.unit.name.localeCompare(b.unit.name)).map((u) => {
    const m = maps.get(u.unit.id);
    const key = u.unit.name.toLowerCase();
    // a laid-out unit's map says which of its products have no position; a unit not laid out lists them all
    const loose = m ? m.withoutPosition.filter(inStock).map((p) => ({ p, position: p.location.split('/').slice(1).map((x) => x.trim()).join(' / ') || '—' }))
      : (byText.get(key) || { items: [] }).items;
    byText.delete(key);
    return h('section', { class: 'storage-unit', id: `unit-${u.unit.name}`, dataset: { unitId: u.unit.id } },
      h('h3', {}, u.unit.name, h('span', { class: 'unit' }, ` · ${kindText(u.unit.kind)}`)),
      unitStatus(u),
      m ? m.containers.map((c) => containerGrid(c)) : null,
      loose.length ? [h('p', { class: 'hint' }, m ? 'Stored here by a location that names no position:' : 'Stored here (the unit is not laid out in positions):'), listed(loose)] : null,
      !m && !loose.length ? h('p', { class: 'empty' }, 'Nothing is stored here.') : null);
  });
  // locations naming a unit that is not on record
  const unknown = [...byText.values()].sort((a, b) => a.name.localeCompare(b.name)).map(({ name, items }) => h('section', { class: 'storage-unit' },
    h('h3', {}, name), unitStatus(null), listed(items)));
  const freezer = h('div', { class: 'panel', id: 'freezer-map' }, h('h2', {}, 'Freezer map'),
    h('p', { class: 'hint' }, 'Each box as it is marked: rows A, B, … from the top, columns 1, 2, … from the left. A taken position shows the last six digits of its product\'s DIN; point at it for the product, click to open it.'),
    unitPanels.length || unknown.length ? h('div', { class: 'storage-units' }, unitPanels, unknown) : h('p', { class: 'empty' }, 'No storage unit on record and nothing stored.'));

  main.append(...[h('div', { class: 'page-head' },
    h('div', {}, h('h1', {}, 'Cell products'), h('div', { class: 'sub' }, `${products.length} on record`)),
    h('div', { class: 'actions' }, h('label', { for: 'status-filter' }, 'Show'), filter)),
    h('div', { class: 'panel' }, h('div', { class: 'table-wrap' }, h('table', { id: 'products-table' },
      h('thead', {}, h('tr', {}, h('th', {}, 'DIN'), h('th', {}, 'Product'), h('th', {}, 'Status'), h('th', {}, 'Recipient'),
        h('th', {}, 'Volume'), h('th', {}, 'Stored in'), h('th', {}, 'Expires'))),
      tbody))),
    freezer,
    ctx.can.recordProducts() ? temperatureLog(storage, ctx) : null,
    ctx.can.recordProducts() ? storageSetup(storage, ctx) : null].filter(Boolean));
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

/** The lab adds a storage unit with the range it is kept in, and lays a unit out in containers of positions. */
function storageSetup(storage, ctx) {
  const unitForm = h('form', { id: 'unit-form', class: 'grid grid-2', novalidate: true },
    h('h3', { class: 'span-2' }, 'Add a storage unit'),
    field({ name: 'name', label: 'Name', required: true, placeholder: 'e.g. LN2-2', hint: 'the first part of every location in it' }),
    field({ name: 'kind', label: 'Kind', type: 'select', required: true, options: UNIT_KINDS }),
    field({ name: 'lowestC', label: 'Lowest it keeps', unit: '°C', type: 'number', required: true }),
    field({ name: 'highestC', label: 'Highest it keeps', unit: '°C', type: 'number', required: true }),
    h('div', { class: 'form-errors span-2' }),
    h('div', { class: 'actions span-2' }, h('button', { class: 'btn btn-secondary', type: 'submit', id: 'add-unit' }, 'Add the unit')));
  unitForm.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearProblems(unitForm);
    const v = values(unitForm);
    try {
      await post('/api/storage-units', { name: v.name || undefined, kind: v.kind, lowestC: toNumber(v.lowestC), highestC: toNumber(v.highestC) });
      toast(`Storage unit ${v.name} added`);
      ctx.go('/products');
    } catch (e) {
      showProblems(unitForm, e);
    }
  });
  const containerForm = storage.length ? h('form', { id: 'container-form', class: 'grid grid-2', novalidate: true },
    h('h3', { class: 'span-2' }, 'Lay out a container'),
    field({ name: 'unit', label: 'In unit', type: 'select', options: storage.map((u) => [u.unit.id, u.unit.name]) }),
    field({ name: 'name', label: 'Container', required: true, placeholder: 'e.g. rack 3 / box 1', hint: 'a rack\'s box, a canister or a shelf' }),
    field({ name: 'rows', label: 'Rows (A, B, …)', type: 'number', required: true, value: 9 }),
    field({ name: 'columns', label: 'Columns (1, 2, …)', type: 'number', required: true, value: 9 }),
    h('div', { class: 'form-errors span-2' }),
    h('div', { class: 'actions span-2' }, h('button', { class: 'btn btn-secondary', type: 'submit', id: 'add-container' }, 'Lay out'))) : null;
  if (containerForm) {
    containerForm.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      clearProblems(containerForm);
      const v = values(containerForm);
      try {
        await post(`/api/storage-units/${encodeURIComponent(v.unit)}/containers`, { name: v.name || undefined, rows: toNumber(v.rows), columns: toNumber(v.columns) });
        toast(`${v.name} laid out`);
        ctx.go('/products');
      } catch (e) {
        showProblems(containerForm, e);
      }
    });
  }
  return h('div', { class: 'panel no-print', id: 'storage-setup' }, h('h2', {}, 'Storage units'),
    h('div', { class: 'grid grid-2' }, unitForm, containerForm));
}
