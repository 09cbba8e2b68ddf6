import { browser } from '#imports';
import { cloudOrigins, type Cloud } from '../graph/clouds';

/**
 * The Global cloud's hosts are granted at install; a national cloud's are optional and asked for
 * when the admin chooses it (this must run in the page, during the click).
 */
export async function requestCloudAccess(cloud: Cloud): Promise<boolean> {
  if (cloud === 'global') return true;
  return browser.permissions.request({ origins: cloudOrigins(cloud) });
}
