// Administration: users and roles (add, deactivate or activate, reset a password, sign out everywhere, each
// confirmed first), and the audit log with its hash-chain verification.
import { get, post, put, del } from '../api.js';
import { h, clear, field, values, showProblems, clearProblems, toast, dateTime, label, chip } from '../ui.js';

const POLICY_HINT = 'At least 12 characters; not the user name; not a common password or a word with digits added';

export async function render(main, ctx) {
  const [users, audit] = await Promise.all([get('/api/users'), get('/api/audit')]);
  main.append(h('div', { class: 'page-head' }, h('div', {}, h('h1', {}, 'Users and audit'), h('div', { class: 'sub' }, `${users.length} users · ${audit.length} audit entries shown`))));

  const form = h('form', { id: 'user-form', novalidate: true },
    h('h3', {}, 'Add a user'), h('div', { class: 'form-errors' }),
    h('div', { class: 'fields' },
      field({ name: 'username', label: 'User name', required: true }),
      field({ name: 'displayName', label: 'Display name', required: true }),
      field({ name: 'role', label: 'Role', type: 'select', options: (ctx.catalog.roles).map((r) => [r, label(r)]), value: 'nurse' }),
      field({ name: 'password', label: 'Initial password', type: 'password', autocomplete: 'new-password', hint: POLICY_HINT })),
    h('div', { class: 'actions', style: 'margin-top:.75rem' }, h('button', { class: 'btn btn-primary', type: 'submit', id: 'create-user' }, 'Add user')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearProblems(form);
    try { await post('/api/users', values(form)); toast('User added'); ctx.go('/admin'); } catch (e) { showProblems(form, e); }
  });

  const confirmBox = h('div', { id: 'user-confirm' });
  const act = (u, action) => () => confirmAction(ctx, confirmBox, u, action);
  // The users table is as wide as the page (its actions need the room); the audit log follows below.
  main.append(
    h('section', { class: 'panel', id: 'users' }, h('h2', {}, 'Users'),
      confirmBox,
      h('div', { class: 'table-wrap' }, h('table', {},
        h('thead', {}, h('tr', {}, h('th', {}, 'User'), h('th', {}, 'Name'), h('th', {}, 'Role'), h('th', {}, 'Status'), h('th', {}, 'Actions'))),
        h('tbody', {}, users.map((u) => h('tr', { dataset: { username: u.username } },
          h('td', {}, u.username, u.username === ctx.me.username ? h('span', { class: 'small muted' }, ' (you)') : null),
          h('td', {}, u.displayName || '—'),
          h('td', {}, h('span', { class: 'chip chip-draft' }, label(u.role))),
          h('td', { class: 'user-status' }, u.active === false ? chip('aborted', 'Inactive') : chip('completed', 'Active')),
          h('td', {}, h('div', { class: 'actions' },
            u.username === ctx.me.username ? null : u.active === false
              ? actionButton(u, 'activate', 'Activate', act(u, 'activate'))
              : actionButton(u, 'deactivate', 'Deactivate', act(u, 'deactivate')),
            ctx.can.resetPasswords() ? actionButton(u, 'reset', 'Reset password', act(u, 'reset')) : null,
            ctx.can.endSessions() ? actionButton(u, 'sign-out', 'End sessions', act(u, 'sign-out')) : null))))))),
      h('div', { style: 'margin-top:1.25rem' }, form)),
    auditPanel(audit));
}

function actionButton(u, action, text, onclick) {
  return h('button', { class: 'btn btn-ghost btn-sm', type: 'button', dataset: { action, user: u.username },
    'aria-label': `${text}: ${u.username}`, onclick }, text);
}

const ACTIONS = {
  deactivate: {
    title: (u) => `Deactivate ${u.username}?`,
    what: 'They are signed out everywhere at once and cannot sign in until the account is activated again.',
    button: 'Deactivate', cls: 'btn btn-danger',
    run: (u) => put(`/api/users/${encodeURIComponent(u.id)}`, { displayName: u.displayName, role: u.role, active: false, version: u.version }),
    done: (u) => `${u.username} deactivated`,
  },
  activate: {
    title: (u) => `Activate ${u.username}?`,
    what: 'They can sign in again with their password.',
    button: 'Activate', cls: 'btn btn-primary',
    run: (u) => put(`/api/users/${encodeURIComponent(u.id)}`, { displayName: u.displayName, role: u.role, active: true, version: u.version }),
    done: (u) => `${u.username} activated`,
  },
  reset: {
    title: (u) => `Set a new password for ${u.username}?`,
    what: 'Their sessions end and a wait after failed sign-ins is lifted. Give them the new password in person.',
    button: 'Set password', cls: 'btn btn-primary',
    run: (u, form) => post(`/api/users/${encodeURIComponent(u.id)}/password`, { newPassword: form.elements.newPassword.value }),
    done: (u, r) => `New password set for ${u.username}; ${r.sessionsEnded} session(s) ended`,
  },
  'sign-out': {
    title: (u) => `Sign ${u.username} out everywhere?`,
    what: 'Every session of the account ends; they can sign in again with their password.',
    button: 'End sessions', cls: 'btn btn-danger',
    run: (u) => del(`/api/users/${encodeURIComponent(u.id)}/sessions`),
    done: (u, r) => `${u.username}: ${r.sessionsEnded} session(s) ended`,
  },
};

/** Asks before an account action; nothing happens until it is confirmed. Errors stay beside the field. */
function confirmAction(ctx, box, u, action) {
  const a = ACTIONS[action];
  clear(box);
  const form = h('form', { id: 'confirm-form', class: 'alert alert-warning narrow', role: 'alertdialog', 'aria-labelledby': 'confirm-title',
    'aria-describedby': 'confirm-what', dataset: { action, user: u.username }, novalidate: true },
    h('h4', { id: 'confirm-title' }, a.title(u)),
    h('p', { id: 'confirm-what' }, a.what),
    h('div', { class: 'form-errors' }),
    action === 'reset' ? field({ name: 'newPassword', label: `New password for ${u.username}`, type: 'password', autocomplete: 'new-password', required: true, hint: POLICY_HINT }) : null,
    h('div', { class: 'actions', style: 'margin-top:.6rem' },
      h('button', { class: a.cls, type: 'submit', id: 'confirm-action' }, a.button),
      h('button', { class: 'btn btn-ghost', type: 'button', id: 'cancel-action', onclick: () => clear(box) }, 'Cancel')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearProblems(form);
    try {
      const r = await a.run(u, form);
      toast(a.done(u, r));
      ctx.go('/admin');
    } catch (e) {
      if (e.status === 409 && e.body && e.body.key === 'STALE_VERSION') e.message = 'Someone changed this account meanwhile; reload the page and try again.';
      showProblems(form, e);
    }
  });
  box.append(form);
  (form.querySelector('input') || form.querySelector('#confirm-action')).focus();
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
