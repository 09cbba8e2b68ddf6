import { browser } from '#imports';
import { signOutMark } from '../../lib/auth/connection-store';
import { runPermissionProbe } from '../../lib/auth/probes';
import { createIntuneService } from '../../lib/auth/service';
import { IntuneSession } from '../../lib/auth/session';
import { browserAuthEnvironment, sessionTokenStore } from '../../lib/browser/identity';
import type { Database } from '../../lib/db/open';
import { createGraphClient } from '../../lib/graph/client';
import { createSlidingWindowLimiter } from '../../lib/graph/limiter';

const RENEWAL_ALARM = 'intune-sign-in-renewal';

/** Wires the Intune connection to the browser: identity window, session storage, renewal alarm. */
export function startIntuneService(database: Promise<Database>) {
  const env = browserAuthEnvironment();
  // One budget for every Graph client: Intune counts requests per app and tenant.
  const limiter = createSlidingWindowLimiter();
  const intune = createIntuneService({
    database,
    env,
    session: new IntuneSession(env, sessionTokenStore, signOutMark(database)),
    runProbe: (settings, probe, tokens, retryUntil) => runPermissionProbe({ cloud: settings.cloud, fetch: env.fetch, now: env.now, retryUntil }, probe, tokens),
    scheduleRenewal: (when) => browser.alarms.create(RENEWAL_ALARM, { when }),
    graphClient: (cloud, options) => createGraphClient({ cloud, limiter, ...options }),
    cancelRenewal: async () => {
      await browser.alarms.clear(RENEWAL_ALARM);
    },
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === RENEWAL_ALARM) void intune.renew();
  });
  return intune;
}
