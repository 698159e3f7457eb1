// Look-ups several pages share: a session's patient and procedure, whatever the server embeds.
import { get, post } from '../api.js';
import { label, ageYears } from '../ui.js';

export function patientName(p) {
  if (!p) return 'Unknown patient';
  if (p.familyName || p.givenName) return `${p.familyName || ''}${p.familyName && p.givenName ? ', ' : ''}${p.givenName || ''}`;
  return p.name || p.displayName || p.mrn || `Patient ${p.id}`;
}

export function procedureName(procOrType) {
  const t = typeof procOrType === 'string' ? procOrType : procOrType && (procOrType.type || procOrType.procedureType);
  const names = {
    'plasma-exchange': 'Plasma exchange', 'leukocytapheresis': 'Leukocytapheresis', 'hpc-collection': 'HPC collection',
    'lymphocyte-collection': 'Lymphocyte collection', 'granulocyte-collection': 'Granulocyte collection', 'ivig-infusion': 'IVIG infusion',
  };
  return names[t] || label(t || 'procedure');
}

/** Fills session.patient and session.order from the API when the session does not embed them. */
export async function enrichSessions(sessions) {
  const orders = new Map();
  const patients = new Map();
  const cached = (map, key, fetcher) => {
    if (!map.has(key)) map.set(key, fetcher().catch(() => null));
    return map.get(key);
  };
  await Promise.all(sessions.map(async (s) => {
    if (!s.order && s.orderId) s.order = await cached(orders, s.orderId, () => get(`/api/orders/${encodeURIComponent(s.orderId)}`));
    const pid = s.patientId || (s.patient && s.patient.id) || (s.order && s.order.patientId);
    if (!s.patient && s.patientName) s.patient = { name: s.patientName, id: pid };
    if (!s.patient && pid) {
      s.patient = await cached(patients, pid, () => get(`/api/patients/${encodeURIComponent(pid)}`)) || s.patient;
    }
    s.patientId = pid;
  }));
  return sessions;
}

/**
 * The plan-v1 request the server builds for an order from the patient record and latest labs, so a page
 * can ask for what the stored plan lacks (the timeline for charts, the course across sessions).
 */
export function planRequestFromRecord(p, procedure, labsAtTheTime, recipient) {
  const labs = { ...(labsAtTheTime || p.labs || {}) };
  const hematocritPercent = labs.hematocritPercent;
  delete labs.hematocritPercent;
  return { patient: { sex: p.sex, ageYears: ageYears(p.birthDate) ?? undefined, heightCm: p.heightCm, weightKg: p.weightKg, hematocritPercent, labs }, recipient: recipient || undefined, procedure };
}

/** The course of an order (POST /api/courses from the record), or null for a single session or on error. */
export async function orderCourse(o, p, labHistory) {
  if (!o.schedule || !(o.schedule.sessions > 1)) return null;
  try { return await post('/api/courses', { ...planRequestFromRecord(p, o.procedure, labsAsOf(labHistory, o.createdAt), o.recipient), schedule: o.schedule }); } catch (e) { return null; }
}

/**
 * The latest value of each lab as the server knew it at a moment (entries recorded up to then), so a course
 * drawn later starts from the same values as the order's plan. Without a history: null (use the record).
 */
export function labsAsOf(history, instant) {
  if (!Array.isArray(history) || !history.length || !instant) return null;
  const cutoff = new Date(instant).getTime() + 1000;
  const out = {};
  for (const e of history) {
    const at = new Date(e.recordedAt || e.takenAt).getTime();
    const key = e.field || e.analyte;
    if (at <= cutoff && key) out[key] = Number(e.value);
  }
  return Object.keys(out).length ? out : null;
}
