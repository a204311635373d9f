import type { StoreAction, StoreActor } from '@par/store';
import type { PageContext } from './html.js';
import type { BrowserSession } from './sessions.js';
import type { ReadModel } from './read-model.js';

/** What a page handler sees of one request: the signed-in actor, what the policy lets it read and do, and `now`. */
export interface RequestView {
  readonly p: PageContext;
  readonly model: ReadModel;
  readonly actor: StoreActor;
  readonly now: Date;
  /** The units whose data the actor may read, by the store's policy on today's unit tree. */
  readonly readable: ReadonlySet<string>;
  /** Whether the policy lets the actor do `action` on `target`'s data today. */
  allowed(action: StoreAction, target: string): boolean;
}

/** What each request carries between the middleware and the handlers (hono's context variables). */
export type Env = { Variables: { session: BrowserSession; p: PageContext; form: Record<string, unknown> } };
