// Administration: users and roles, and the audit log with its hash-chain verification.
import { get, post } from '../api.js';
import { h, clear, field, values, showProblems, clearProblems, toast, dateTime, label, chip } from '../ui.js';


export async function render(main, ctx) {
  const [users, audit] = await Promise.all([get('/api/users'), get('/api/audit')]);
  main.append(h('div', { class: 'page-head' }, h('div', {}, h('h1', {}, 'Users and audit'), h('div', { class: 'sub' }, `${users.length} users · ${audit.length} audit entries shown`))));

  const form = h('form', { id: 'user-form', novalidate: true },
    h('h3', {}, 'Add a user'), h('div', { class: 'form-errors' }),
    h('div', { class: 'fields' },
      field({ name: 'username', label: 'User name', required: true }),
      field({ name: 'displayName', label: 'Display name', required: true }),
      field({ name: 'role', label: 'Role', type: 'select', options: (ctx.catalog.roles).map((r) => [r, label(r)]), value: 'nurse' }),
      field({ name: 'password', label: 'Initial password', type: 'password', autocomplete: 'new-password', hint: 'At least 12 characters' })),
    h('div', { class: 'actions', style: 'margin-top:.75rem' }, h('button', { class: 'btn btn-primary', type: 'submit', id: 'create-user' }, 'Add user')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearProblems(form);
    try { await post('/api/users', values(form)); toast('User added'); ctx.go('/admin'); } catch (e) { showProblems(form, e); }
  });

  main.append(h('div', { class: 'split' },
    h('section', { class: 'panel', id: 'users' }, h('h2', {}, 'Users'),
      h('table', {}, h('thead', {}, h('tr', {}, h('th', {}, 'User'), h('th', {}, 'Name'), h('th', {}, 'Role'), h('th', {}, 'Status'))),
        h('tbody', {}, users.map((u) => h('tr', {}, h('td', {}, u.username), h('td', {}, u.displayName || '—'),
          h('td', {}, h('span', { class: 'chip chip-draft' }, label(u.role))), h('td', {}, u.active === false ? chip('aborted', 'Inactive') : chip('completed', 'Active')))))),
      h('div', { style: 'margin-top:1.25rem' }, form)),
    auditPanel(audit)));
}

function auditPanel(entries) {
  const result = h('div', { id: 'audit-verify-result', 'aria-live': 'polite' });
  const verify = async () => {
    clear(result);
    try {
      const r = await get('/api/audit/verify');
      const legacy = r.legacyEntries ? ` (${r.legacyEntries} of them legacy, sealed before the audit key)` : '';
      const checkpoint = r.lastCheckpoint ? ` Last checkpoint: entry ${r.lastCheckpoint.seq}, ${dateTime(r.lastCheckpoint.at)}.` : ' No checkpoint yet.';
      result.append(r.valid ? h('div', { class: 'alert alert-ok' }, h('p', {}, `Audit chain intact: ${r.entries} entries verified${legacy}.${checkpoint}`))
        : h('div', { class: 'alert alert-danger' }, h('h4', {}, 'Audit chain broken'), h('p', {}, r.problem || `First bad entry: ${r.firstBadEntry ?? 'unknown'}`)));
    } catch (e) { result.append(h('div', { class: 'alert alert-danger' }, h('p', {}, e.message))); }
  };
  return h('section', { class: 'panel', id: 'audit' },
    h('div', { class: 'panel-head' }, h('h2', {}, 'Audit log'), h('button', { class: 'btn btn-secondary', type: 'button', id: 'verify-audit', onclick: verify }, 'Verify chain')),
    result,
    h('div', { class: 'table-wrap' }, h('table', {},
      h('thead', {}, h('tr', {}, h('th', {}, '#'), h('th', {}, 'When'), h('th', {}, 'Who'), h('th', {}, 'Action'), h('th', {}, 'Resource'), h('th', {}, 'Outcome'))),
      h('tbody', {}, [...entries].reverse().slice(0, 200).map((e) => h('tr', {},
        h('td', {}, String(e.seq ?? '')), h('td', {}, dateTime(e.at || e.when)), h('td', {}, e.username || e.who),
        h('td', {}, e.action), h('td', { class: 'small' }, e.resource), h('td', {}, e.outcome)))))));
}
