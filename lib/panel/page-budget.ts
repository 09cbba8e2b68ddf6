import { setRecentlyUsed } from './recently-used';

/**
 * How often a page may ask the background: at most `limit` times in any `windowMs`, per key (a tab).
 * Asset Panda pages are hostile, and each question may cost Graph and Asset Panda requests or open a
 * window; a budget caps what a page can make the background do. At most `maxKeys` keys are
 * remembered (the least recently seen is forgotten), so a flood of keys cannot grow it either.
 */
export function pageBudget({ limit, windowMs, now, maxKeys = 200 }: { limit: number; windowMs: number; now(): number; maxKeys?: number }) {
  const asked = new Map<string, number[]>();
  return {
    /** Whether `key` may ask once more now; when it may, this counts it. */
    take(key: string): boolean {
      const at = now();
      const recent = (asked.get(key) ?? []).filter((time) => time > at - windowMs);
      const allowed = recent.length < limit;
      if (allowed) recent.push(at);
      setRecentlyUsed(asked, key, recent, maxKeys);
      return allowed;
    },
  };
}

export type PageBudget = ReturnType<typeof pageBudget>;
