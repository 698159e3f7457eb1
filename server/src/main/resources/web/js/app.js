// The single-page shell: who is signed in, the navigation their role allows, and a hash router that
// hands each page its <main>. Pages are ES modules with one export: render(main, ctx, params).

import { get, post, setCsrfToken, setUnauthorizedHandler } from './api.js';
import { h, clear, errorPanel, label } from './ui.js';

export const can = {
  seeClinical: (r) => ['physician', 'nurse', 'lab', 'coordinator'].includes(r),
  seePatients: (r) => ['physician', 'nurse', 'lab', 'coordinator', 'billing'].includes(r),
  editPatients: (r) => ['physician', 'nurse', 'coordinator'].includes(r),
  order: (r) => r === 'physician',
  sign: (r) => r === 'physician',
  schedule: (r) => ['physician', 'nurse', 'coordinator'].includes(r),
  runSession: (r) => ['physician', 'nurse'].includes(r),
  readRecord: (r) => ['physician', 'nurse', 'lab'].includes(r),
  plan: (r) => ['physician', 'nurse', 'lab', 'coordinator'].includes(r),
  admin: (r) => r === 'admin',
};

const routes = [
  [/^\/login$/, () => import('./pages/login.js')],
  [/^\/today$/, () => import('./pages/today.js')],
  [/^\/plan$/, () => import('./pages/order-new.js')],
  [/^\/patients$/, () => import('./pages/patients.js')],
  [/^\/patients\/new$/, () => import('./pages/patient-edit.js')],
  [/^\/patients\/([^/]+)\/edit$/, () => import('./pages/patient-edit.js')],
  [/^\/patients\/([^/]+)\/orders\/new$/, () => import('./pages/order-new.js')],
  [/^\/patients\/([^/]+)$/, () => import('./pages/patient.js')],
  [/^\/orders\/([^/]+)$/, () => import('./pages/order.js')],
  [/^\/sessions\/([^/]+)$/, () => import('./pages/runsheet.js')],
  [/^\/admin$/, () => import('./pages/admin.js')],
];

const ctx = { me: null, can, catalog: null, go, signIn, signOut, loadCatalog };

function go(path) { if (location.hash === '#' + path) route(); else location.hash = path; }

function home(role) { return can.admin(role) ? '/admin' : can.seeClinical(role) ? '/today' : '/patients'; }

async function signIn(username, password) {
  const res = await post('/api/login', { username, password });
  setCsrfToken(res.csrfToken);
  ctx.me = res.user;
  ctx.catalog = null;
  renderChrome();
  go(home(ctx.me.role));
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
    try { ctx.catalog = await get('/api/catalog'); } catch (e) { ctx.catalog = {}; }
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
  if (can.seePatients(me.role)) links.push(['/patients', 'Patients']);
  if (can.plan(me.role)) links.push(['/plan', 'Planner']);
  if (can.admin(me.role)) links.push(['/admin', 'Users and audit']);
  const current = location.hash.slice(1);
  for (const [href, text] of links) {
    nav.append(h('a', { href: '#' + href, 'aria-current': current.startsWith(href) ? 'page' : null }, text));
  }
  box.append(
    h('span', {}, me.displayName || me.username),
    h('span', { class: 'role-badge', 'data-role': me.role }, label(me.role)),
    h('button', { class: 'btn btn-ghost', type: 'button', id: 'sign-out', onclick: signOut }, 'Sign out'));
}

async function route() {
  const path = location.hash.replace(/^#/, '') || '/';
  const main = document.getElementById('main');
  if (!ctx.me && path !== '/login') {
    try {
      const me = await get('/api/me');
      ctx.me = me.user || me;
      if (me.csrfToken) setCsrfToken(me.csrfToken);
    } catch (e) {
      go('/login');
      return;
    }
  }
  if (ctx.me && (path === '/' || path === '/login')) { go(home(ctx.me.role)); return; }
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
    const heading = main.querySelector('h1');
    document.title = heading ? `${heading.textContent} · OpenApheresis` : 'OpenApheresis';
  } catch (e) {
    console.error(e);
    clear(main).append(errorPanel(e));
  }
}

setUnauthorizedHandler(() => { ctx.me = null; setCsrfToken(null); renderChrome(); go('/login'); });
window.addEventListener('hashchange', route);
route();
