// Your profile: who you are signed in as, and a change of your own password (POST /api/me/password).
// Passwords are sent exactly as typed (never trimmed) and never kept in a draft.
import { post } from '../api.js';
import { h, clear, field, showProblems, clearProblems, label } from '../ui.js';

export async function render(main, ctx) {
  const me = ctx.me;
  main.append(h('div', { class: 'page-head' }, h('div', {},
    h('h1', {}, 'Your profile'),
    h('div', { class: 'sub' }, `${me.displayName || me.username} · signed in as ${me.username} · ${label(me.role)}`))));
  if (!ctx.can.changeOwnPassword()) {
    main.append(h('p', { class: 'muted' }, 'Your role may not change its password here; ask an administrator.'));
    return;
  }
  const result = h('div', { id: 'password-result', 'aria-live': 'polite' });
  const form = h('form', { id: 'password-form', novalidate: true },
    h('h2', {}, 'Change your password'),
    h('div', { class: 'form-errors', 'aria-live': 'polite' }),
    h('div', { class: 'fields wide' },
      field({ name: 'currentPassword', label: 'Current password', type: 'password', autocomplete: 'current-password', required: true }),
      field({ name: 'newPassword', label: 'New password', type: 'password', autocomplete: 'new-password', required: true,
        hint: 'At least 12 characters. Not your user name, not a common password and not a word with digits added: a few unrelated words work well.' }),
      field({ name: 'confirmPassword', label: 'New password again', type: 'password', autocomplete: 'new-password', required: true })),
    h('p', { class: 'small muted' }, 'When the password changes, your other sessions are signed out; this one stays.'),
    h('div', { class: 'actions' }, h('button', { class: 'btn btn-primary', type: 'submit', id: 'change-password' }, 'Change password')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearProblems(form);
    clear(result);
    const currentPassword = form.elements.currentPassword.value;
    const newPassword = form.elements.newPassword.value;
    if (newPassword !== form.elements.confirmPassword.value) {
      showProblems(form, { problems: [{ field: 'confirmPassword', message: 'Does not match the new password.' }] });
      return;
    }
    try {
      const r = await post('/api/me/password', { currentPassword, newPassword });
      form.reset();
      const others = r.otherSessionsEnded === 1 ? '1 other session was signed out.'
        : r.otherSessionsEnded > 1 ? `${r.otherSessionsEnded} other sessions were signed out.` : '';
      result.append(h('div', { class: 'alert alert-ok', role: 'status' },
        h('h4', {}, 'Password changed'), h('p', {}, `Use the new password from now on. ${others}`.trim())));
    } catch (e) {
      if (e.status === 429) {
        const s = e.body && e.body.retryAfterSeconds;
        e.problems = [{ field: 'currentPassword', message: `Too many wrong passwords; try again in ${s || 'a few'} seconds.` }];
      }
      showProblems(form, e);
    }
  });
  main.append(h('section', { class: 'panel narrow', id: 'password-panel' }, form, result));
}
