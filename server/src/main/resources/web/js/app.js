// The single-page shell: who is signed in, the navigation their role allows, and a hash router that
// hands each page its <main>. Pages are ES modules with one export: render(main, ctx, params).

import { get, post, setCsrfToken, setUnauthorizedHandler } from './api.js';
import { h, clear, errorPanel, label } from './ui.js';
import { setCatalog, setStaff } from './pages/common.js';

// What the signed-in user may do, from the permissions GET /api/me answers (the server's access policy; the
// page keeps no copy of it). The role argument callers pass is not needed and ignored.
const has = (permission) => !!(ctx.me && Array.isArray(ctx.me.permissions) && ctx.me.permissions.includes(permission));
export const can = {
  seeClinical: () => has('sessions.read'),
  seePatients: () => has('patients.read'),
  editPatients: () => has('patients.write'),
  editClinical: () => has('patients.clinical.write'),
  readClinical: () => has('patients.clinical.read'),
  order: () => has('orders.create'),
  sign: () => has('orders.sign'),
  schedule: () => has('sessions.schedule'),
  planWeek: () => has('schedule.plan'),
  keepRota: () => has('rota.manage'),
  runSession: () => has('sessions.record'),
  readRecord: () => has('sessions.clinical.read'),
  readOrders: () => has('orders.read'),
  plan: () => has('plans'),
  admin: () => has('users.manage'),
  manageUnit: () => has('resources.manage'),
  resetPasswords: () => has('users.password.reset'),
  endSessions: () => has('users.sessions.end'),
  changeOwnPassword: () => has('own.password'),
  readProducts: () => has('products.read'),
  recordProducts: () => has('products.record'),
  infuseProducts: () => has('products.infuse'),
  followUp: () => has('followup.record'),
  readFollowUp: () => has('followup.read'),
  readDliSchedules: () => has('dli.schedule.read'),
  orderDli: () => has('dli.schedule.order'),
  readCharges: () => has('charges.read'),
  editPrices: () => has('price.list.edit'),
  readCoverageCheck: () => has('coverage.check.read'),
};

const routes = [
  [/^\/login$/, () => import('./pages/login.js')],
  [/^\/today$/, () => import('./pages/today.js')],
  [/^\/plan$/, () => import('./pages/order-new.js')],
  [/^\/patients$/, () => import('./pages/patients.js')],
  [/^\/patients\/new$/, () => import('./pages/patient-edit.js')],
  [/^\/patients\/([^/]+)\/edit$/, () => import('./pages/patient-edit.js')],
  [/^\/patients\/([^/]+)\/orders\/new$/, () => import('./pages/order-new.js')],
  [/^\/patients\/([^/]+)\/follow-up$/, () => import('./pages/followup.js')],
  [/^\/patients\/([^/]+)\/therapy$/, () => import('./pages/therapy.js')],
  [/^\/patients\/([^/]+)$/, () => import('./pages/patient.js')],
  [/^\/orders\/([^/]+)\/edit$/, () => import('./pages/order-new.js').then((m) => ({ render: (main, c, [id]) => m.render(main, c, [null, id]) }))],
  [/^\/orders\/([^/]+)$/, () => import('./pages/order.js')],
  [/^\/week$/, () => import('./pages/week.js')],
  [/^\/sessions\/([^/]+)$/, () => import('./pages/runsheet.js')],
  [/^\/products$/, () => import('./pages/products.js')],
  [/^\/products\/([^/]+)$/, () => import('./pages/product.js')],
  [/^\/billing(?:\?.*)?$/, () => import('./pages/billing.js')],
  [/^\/admin$/, () => import('./pages/admin.js')],
  [/^\/unit$/, () => import('./pages/unit.js')],
  [/^\/profile$/, () => import('./pages/profile.js')],
];

const ctx = { me: null, can, catalog: null, go, signIn, signOut, loadCatalog };

function go(path) { if (location.hash === '#' + path) route(); else location.hash = path; }

function home(role) {
  return can.admin(role) ? '/admin' : can.seeClinical(role) ? '/today' : can.readCharges() ? '/billing' : '/patients';
}

async function signIn(username, password) {
  const res = await post('/api/login', { username, password });
  setCsrfToken(res.csrfToken);
  ctx.me = await get('/api/me');
  ctx.catalog = null;
  await loadCatalog();
  renderChrome();
  const back = sessionStorage.getItem(RETURN_KEY);
  sessionStorage.removeItem(RETURN_KEY);
  go(back && back !== '/login' ? back : home(ctx.me.role));
}

// ---------- drafts: nothing typed is lost when the sign-in expires ----------
// When a request answers 401, the values of every form on the page are kept in sessionStorage under the
// page's route (with who typed them) before the sign-in page replaces it; after the same user signs in
// again, the page is opened again and the values are put back. Passwords are never kept.
const RETURN_KEY = 'openapheresis.returnTo';
const draftKey = (path) => `openapheresis.draft:${path}`;

function currentPath() { return location.hash.replace(/^#/, '') || '/'; }

function saveDraft(user) {
  const path = currentPath();
  if (path === '/login') return;
  const fields = [];
  for (const el of document.querySelectorAll('#main form input[name], #main form select[name], #main form textarea[name]')) {
    if (el.type === 'password' || el.type === 'hidden' || el.type === 'file' || el.disabled) continue;
    fields.push({ form: el.form && el.form.id, name: el.name, value: el.type === 'checkbox' ? el.checked : el.value });
  }
  sessionStorage.setItem(RETURN_KEY, path);
  if (fields.some((f) => f.value !== '' && f.value !== false)) {
    sessionStorage.setItem(draftKey(path), JSON.stringify({ user, savedAt: new Date().toISOString(), fields }));
  }
}

/** Puts a kept draft back into the page just rendered, as if typed: input and change events fire. */
function restoreDraft(path, main) {
  const raw = sessionStorage.getItem(draftKey(path));
  if (!raw) return;
  sessionStorage.removeItem(draftKey(path));
  let draft;
  try { draft = JSON.parse(raw); } catch (e) { return; }
  if (!draft || !ctx.me || draft.user !== ctx.me.username) return; // never show one user's typing to another
  // Two passes: a select may add inputs (the procedure type draws its dose fields), filled on the second.
  for (let pass = 0; pass < 2; pass++) {
    for (const f of draft.fields) {
      const scope = f.form ? main.querySelector(`form#${CSS.escape(f.form)}`) : main;
      const el = scope && scope.querySelector(`[name="${CSS.escape(f.name)}"]`);
      if (!el) continue;
      if (el.type === 'checkbox') { if (el.checked === f.value) continue; el.checked = f.value; } else { if (el.value === f.value) continue; el.value = f.value; }
      el.dispatchEvent(new Event('input', { bubbles: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
    }
  }
  main.prepend(h('div', { class: 'alert alert-info', id: 'draft-restored', role: 'status' },
    h('p', {}, 'Your sign-in had expired. What you had typed is back in the form; check it and send it again.')));
}

async function signOut() {
  try { await post('/api/logout'); } catch (e) { /* the session may already be gone */ }
  setCsrfToken(null);
  ctx.me = null;
  renderChrome();
  go('/login');
}

async function loadCatalog() {
  if (!ctx.catalog) {
    ctx.catalog = await get('/api/catalog');
    setCatalog(ctx.catalog);
    // the staff by user name, so a record shows who did something by their name (none: user names are shown)
    setStaff(await get('/api/staff').catch(() => []));
  }
  return ctx.catalog;
}

function renderChrome() {
  const nav = clear(document.getElementById('nav'));
  const box = clear(document.getElementById('userbox'));
  const me = ctx.me;
  if (!me) return;
  const links = [];
  if (can.seeClinical(me.role)) links.push(['/today', 'Today']);
  if (can.schedule()) links.push(['/week', 'Week']);
  if (can.seePatients(me.role)) links.push(['/patients', 'Patients']);
  if (can.plan(me.role)) links.push(['/plan', 'Planner']);
  if (can.readProducts()) links.push(['/products', 'Products']);
  if (can.readCharges()) links.push(['/billing', 'Billing']);
  else if (can.editPrices()) links.push(['/billing', 'Prices and assistance']);
  if (can.admin(me.role)) links.push(['/admin', 'Users and audit']);
  if (can.manageUnit()) links.push(['/unit', 'The unit']);
  const current = location.hash.slice(1);
  for (const [href, text] of links) {
    nav.append(h('a', { href: '#' + href, 'aria-current': current.startsWith(href) ? 'page' : null }, text));
  }
  box.append(
    h('a', { href: '#/profile', class: 'user-link', id: 'profile-link', title: 'Your profile and password',
      'aria-current': current === '/profile' ? 'page' : null }, me.displayName || me.username),
    h('span', { class: 'role-badge', 'data-role': me.role }, label(me.role)),
    h('button', { class: 'btn btn-ghost', type: 'button', id: 'sign-out', onclick: signOut }, 'Sign out'));
}

async function route() {
  const path = location.hash.replace(/^#/, '') || '/';
  const main = document.getElementById('main');
  if (!ctx.me && path !== '/login') {
    try {
      ctx.me = await get('/api/me');
      setCsrfToken(ctx.me.csrfToken);
    } catch (e) {
      sessionStorage.setItem(RETURN_KEY, path); // a deep link opened signed out: back there after sign-in
      go('/login');
      return;
    }
  }
  if (ctx.me && (path === '/' || path === '/login')) { go(home(ctx.me.role)); return; }
  if (ctx.me) await loadCatalog();
  renderChrome();
  const hit = routes.find(([re]) => re.test(path));
  clear(main);
  if (!hit) { main.append(errorPanel({ status: 404, message: 'Not found' })); return; }
  const params = path.match(hit[0]).slice(1).map(decodeURIComponent);
  main.append(h('p', { class: 'loading' }, 'Loading…'));
  try {
    const page = await hit[1]();
    const content = h('div', { class: 'page' });
    await page.render(content, ctx, params);
    clear(main).append(content);
    restoreDraft(path, content);
    const heading = main.querySelector('h1');
    document.title = heading ? `${heading.textContent} · OpenApheresis` : 'OpenApheresis';
  } catch (e) {
    console.error(e);
    clear(main).append(errorPanel(e));
  }
}

// a printed page shows everything: the assumptions and sources are folded on screen only
window.addEventListener('beforeprint', () => document.querySelectorAll('details').forEach((d) => { d.open = true; }));

setUnauthorizedHandler(() => {
  if (ctx.me) saveDraft(ctx.me.username);
  ctx.me = null; setCsrfToken(null); renderChrome(); go('/login');
});
window.addEventListener('hashchange', route);
route();
