// Sign-in. Wrong credentials get one message that does not say which part was wrong (api-v1).
import { h, field, showProblems, clearProblems } from '../ui.js';

export async function render(main, ctx) {
  const form = h('form', { id: 'login-form', novalidate: true },
    h('div', { class: 'form-errors', 'aria-live': 'polite' }),
    field({ name: 'username', label: 'User name', autocomplete: 'username', required: true, autofocus: true }),
    h('div', { style: 'height:.75rem' }),
    field({ name: 'password', label: 'Password', type: 'password', autocomplete: 'current-password', required: true }),
    h('div', { style: 'height:1.25rem' }),
    h('button', { class: 'btn btn-primary btn-lg', type: 'submit', id: 'sign-in' }, 'Sign in'));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearProblems(form);
    const username = form.username.value.trim();
    const password = form.password.value;
    try {
      await ctx.signIn(username, password);
    } catch (e) {
      if (e.status === 401) e.problems = [{ field: null, message: 'User name or password is not right. Check both and try again.' }];
      showProblems(form, e);
      form.password.focus();
    }
  });
  main.append(h('div', { class: 'login-wrap' }, h('div', { class: 'login-card' },
    h('div', { class: 'panel' },
      h('h1', {}, 'Sign in'),
      h('p', { class: 'muted' }, 'Apheresis unit — planning, orders and run sheets.'),
      form),
    h('p', { class: 'small muted', style: 'text-align:center' },
      'Decision support for trained staff. Every number shows its unit, assumptions and source.'))));
  setTimeout(() => form.username.focus(), 0);
}
