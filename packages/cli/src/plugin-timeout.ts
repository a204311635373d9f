/** How long loading one plugin may take (its module and its top-level `await`): 10 s. */
export const PLUGIN_LOAD_TIMEOUT_MS = 10_000;
