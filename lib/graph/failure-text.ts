import { isGraphError } from './errors';

/**
 * A Graph failure in words the admin can act on; `what` names the request in them ("the device
 * listing", "the device count", "Retire"). The one base for every Graph message: the sync, the
 * editor's device count, the record panel and the device actions. A write that failed without an
 * answer may still have reached Intune, so that case says to look first.
 */
export function graphFailureText(error: unknown, what: string, { isWrite = false } = {}): string {
  if (!isGraphError(error)) return error instanceof Error ? error.message : String(error);
  const seconds = error.retryAfterMs === null ? undefined : Math.max(1, Math.ceil(error.retryAfterMs / 1000));
  switch (error.kind) {
    case 'throttled':
      return `Microsoft Intune is throttling requests (too many in a short time), so ${what} was not done. Try again ${seconds ? `in ${seconds} second${seconds === 1 ? '' : 's'}` : 'in a minute'}.`;
    case 'notFound':
      return `Intune no longer has this device (it was deleted or retired meanwhile), so ${what} was not done.`;
    case 'unsupportedAction':
      return `Intune refused ${what} for this device: its platform or enrollment does not support it. Intune said: ${error.serviceMessage}`;
    case 'missingPermission':
      return `Your sign-in lacks the Microsoft Graph permission for ${what} (${error.requiredScopes.join(' or ')}). Add it to the app registration, grant admin consent, then run Test and Save Connection.`;
    case 'noIntuneRole':
      return `Intune refused ${what}: your account has no Intune role that allows it. Ask for a role such as Intune Administrator or Help Desk Operator.`;
    case 'forbidden':
      return `Intune refused ${what} (403): your account or the app registration is not allowed to do it.`;
    case 'unauthorized':
      return `Your Microsoft sign-in is no longer valid, so ${what} was not done. Sign in again.`;
    case 'network':
      return isWrite
        ? `The connection to Microsoft Intune broke during ${what}. It may or may not have reached Intune: check the device in Intune before trying again.`
        : `Microsoft Intune could not be reached for ${what}. Check the network connection, then try again.`;
    case 'serviceUnavailable':
    case 'serverError':
      return isWrite
        ? `Microsoft Intune failed during ${what} (HTTP ${error.status}). It may or may not have run: check the device in Intune before trying again.`
        : `Microsoft Intune is not answering ${what} right now (HTTP ${error.status}). Try again in a few minutes.`;
    case 'malformedResponse':
      return `Microsoft Intune sent an answer this extension cannot read during ${what}: ${error.serviceMessage}. If it persists, report it.`;
    default:
      return `Intune refused ${what} (HTTP ${error.status} ${error.code}): ${error.serviceMessage} (${error.supportReference}).`;
  }
}
