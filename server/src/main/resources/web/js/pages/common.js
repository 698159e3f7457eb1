// Look-ups several pages share: names from the server's catalogue, a session's order, and an order's course.
import { get } from '../api.js';
import { label, setWarningTitles } from '../ui.js';

let procedureNames = {};
let labFields = [];

/** Called once the catalogue is loaded: the names and units pages show come from the server. */
export function setCatalog(catalog) {
  procedureNames = Object.fromEntries((catalog.procedureTypes || []).map((t) => [t.code, t.name]));
  labFields = catalog.labs || [];
  setWarningTitles(catalog.warningTitles);
}

/** The lab fields the unit records, in the server's order: [{field, name, unit, range}]. */
export function labCatalog() { return labFields; }

export function patientName(p) {
  if (!p) return 'Unknown patient';
  return `${p.familyName}, ${p.givenName}`;
}

/** The name staff read for a procedure type code (or a procedure object with its type). */
export function procedureName(procOrType) {
  const t = typeof procOrType === 'string' ? procOrType : procOrType && procOrType.type;
  return procedureNames[t] || label(t || 'procedure');
}

/** Adds each session's order (the record the run sheet and board show beside it). */
/** The unit's nurses by user name, to show a session's nurse by name (empty when the list cannot be read). */
export async function nurseNames() {
  const staff = await get('/api/staff?role=nurse').catch(() => []);
  const names = new Map(staff.map((n) => [n.username, n.displayName]));
  return (username) => names.get(username) || username;
}

export async function enrichSessions(sessions) {
  const orders = new Map();
  await Promise.all(sessions.map(async (s) => {
    if (!orders.has(s.orderId)) orders.set(s.orderId, get(`/api/orders/${encodeURIComponent(s.orderId)}`).catch(() => null));
    s.order = await orders.get(s.orderId);
  }));
  return sessions;
}

/**
 * The course of an order as ordered (GET /api/orders/{id}/course), or null for a single session; with
 * {@code bandPatients}, its 5-95 % bands over that many virtual patients.
 */
export async function orderCourse(o, bandPatients) {
  if (!o.schedule || !(o.schedule.sessions > 1)) return null;
  return get(`/api/orders/${encodeURIComponent(o.id)}/course?timeline=true${bandPatients ? `&uncertainty=${bandPatients}` : ''}`);
}
