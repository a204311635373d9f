import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { StoreActor } from '@par/store';
import type { Lang } from './i18n.js';

/** A browser's session: its CSRF token, its language, and who signed in (demo sign-in: a unit and a role). */
export interface BrowserSession {
  readonly id: string;
  readonly csrf: string;
  lang: Lang;
  actor?: StoreActor;
}

/** The session cookie's name. */
export const SESSION_COOKIE = 'par_session';

/**
 * Sessions in memory, by a random id sent in an httpOnly, SameSite=Strict cookie: every visitor gets one (so that
 * the sign-in form has a CSRF token too). At most `limit` are kept, the oldest dropped first. A server with several
 * processes would keep them in the database instead.
 */
export function createSessions(limit = 10_000) {
  const sessions = new Map<string, BrowserSession>();
  const token = () => randomBytes(32).toString('base64url');
  return {
    /** The session of a cookie value, if it is one of ours. */
    get(id: string | undefined): BrowserSession | undefined {
      return id === undefined ? undefined : sessions.get(id);
    },
    /** A new anonymous session. */
    create(lang: Lang): BrowserSession {
      if (sessions.size >= limit) sessions.delete(sessions.keys().next().value!);
      const s: BrowserSession = { id: token(), csrf: token(), lang };
      sessions.set(s.id, s);
      return s;
    },
    /** Replaces a session by a new one (new id and token) after a sign-in or sign-out, so that an old id is useless. */
    renew(old: BrowserSession, actor: StoreActor | undefined): BrowserSession {
      sessions.delete(old.id);
      const s = this.create(old.lang);
      if (actor) s.actor = actor;
      return s;
    },
  };
}

/** Whether a submitted CSRF token is the session's (compared in constant time). */
export function csrfMatches(session: BrowserSession, submitted: unknown): boolean {
  if (typeof submitted !== 'string') return false;
  const a = Buffer.from(session.csrf);
  const b = Buffer.from(submitted);
  return a.length === b.length && timingSafeEqual(a, b);
}
