import { describe, expect, it } from 'vitest';
import { errorFromResponse, type AttemptContext } from './error-response';
import { isGraphError } from './errors';
import { parseIntuneMessage } from './intune-error';

const REQUEST_ID = '94fb3b52-452a-4535-a601-69e0a90e3aa2';
const CLIENT_REQUEST_ID = '0d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6';
const ACTIVITY_ID = 'ce80e7e8-8a96-4c03-898c-d85f9cdf805a';
const context: AttemptContext = {
  method: 'GET',
  path: '/v1.0/deviceManagement/managedDevices',
  clientRequestId: CLIENT_REQUEST_ID,
  nowMs: Date.parse('2024-04-05T13:15:36Z'),
  requiredScopes: ['DeviceManagementManagedDevices.Read.All', 'DeviceManagementManagedDevices.ReadWrite.All'],
  grantedScopes: null,
};

/** Intune's versioned error, serialized the way Graph embeds it (CRLF, pretty-printed). */
function intuneJson(message: string, httpHeaders = '{}'): string {
  const body = { _version: 3, Message: message, CustomApiErrorPhrase: '', RetryAfter: null, ErrorSourceService: '', HttpHeaders: httpHeaders };
  return JSON.stringify(body, null, 2).replace(/\n/g, '\r\n');
}

const supportSuffix =
  ` - Operation ID (for customer support): 00000000-0000-0000-0000-000000000000 - Activity ID: ${ACTIVITY_ID}` +
  ' - Url: https://fef.msua06.manage.microsoft.com/DeviceFE/StatelessDeviceFEService/deviceManagement/managedDevices?api-version=2023-07-04';

function graphResponse(status: number, code: string, message: string, headers: Record<string, string> = {}) {
  const body = { error: { code, message, innerError: { date: '2024-04-05T13:15:36', 'request-id': REQUEST_ID, 'client-request-id': CLIENT_REQUEST_ID } } };
  return { status, statusText: '', headers: new Headers(headers), text: JSON.stringify(body) };
}

/** Intune's 403 to a delegated call: the same body whether the scope or the Intune role is missing. */
function intuneForbidden() {
  const wrapper = {
    ErrorCode: 'Forbidden',
    Message: intuneJson(`An error has occurred${supportSuffix}`, JSON.stringify({ 'WWW-Authenticate': 'Bearer realm="urn:intune:service,a,b"' })),
    Target: null,
    Details: null,
    InnerError: null,
    InstanceAnnotations: [],
  };
  return graphResponse(403, 'UnknownError', JSON.stringify(wrapper));
}

describe('Graph error responses', () => {
  it('unwraps the doubly nested Intune Forbidden', () => {
    const error = errorFromResponse(intuneForbidden(), context);
    expect(error.intune).toEqual({
      errorCode: 'Forbidden',
      message: 'An error has occurred',
      activityId: ACTIVITY_ID,
      operationId: '00000000-0000-0000-0000-000000000000',
    });
    expect(error).toMatchObject({ status: 403, code: 'UnknownError', requestId: REQUEST_ID, clientRequestId: CLIENT_REQUEST_ID, date: '2024-04-05T13:15:36' });
    expect(error.message).toBe('GET /v1.0/deviceManagement/managedDevices failed (HTTP 403 UnknownError): An error has occurred');
    expect(error.supportReference).toContain(`Activity ID ${ACTIVITY_ID}`);
  });

  it('tells a missing Intune role from a missing scope by the scopes granted with the token', () => {
    expect(errorFromResponse(intuneForbidden(), { ...context, grantedScopes: ['https://graph.microsoft.com/DeviceManagementManagedDevices.Read.All'] }).kind).toBe(
      'noIntuneRole',
    );
    const noScope = errorFromResponse(intuneForbidden(), { ...context, grantedScopes: ['User.Read'] });
    expect(noScope.kind).toBe('missingPermission');
    expect(noScope.requiredScopes).toEqual(context.requiredScopes);
    expect(errorFromResponse(intuneForbidden(), context).kind).toBe('forbidden');
  });

  it('names the scopes Intune asks for when the token lacks them', () => {
    const text = intuneJson(
      'Application is not authorized to perform this operation. Application must have one of the following scopes: ' +
        `DeviceManagementManagedDevices.PrivilegedOperations.All, DeviceManagementManagedDevices.ReadWrite.All${supportSuffix}`,
    );
    const error = errorFromResponse(graphResponse(403, 'Forbidden', text), { ...context, method: 'POST' });
    expect(error.kind).toBe('missingPermission');
    expect(error.requiredScopes).toEqual(['DeviceManagementManagedDevices.PrivilegedOperations.All', 'DeviceManagementManagedDevices.ReadWrite.All']);
    expect(error.serviceMessage).toMatch(/^Application is not authorized to perform this operation\./);
  });

  it('treats a directory "Insufficient privileges" as a missing permission', () => {
    const error = errorFromResponse(graphResponse(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.'), context);
    expect(error.kind).toBe('missingPermission');
    expect(error.intune).toBeNull();
  });

  it('classifies a 400 on a device action as an action the platform does not support', () => {
    const error = errorFromResponse(graphResponse(400, 'BadRequest', intuneJson(`An error has occurred${supportSuffix}`)), {
      ...context,
      method: 'POST',
      path: '/v1.0/deviceManagement/managedDevices/abc/remoteLock',
    });
    expect(error.kind).toBe('unsupportedAction');
    expect(isGraphError(error, 'unsupportedAction')).toBe(true);
  });

  it('classifies unauthorized, not found, throttled and unavailable', () => {
    expect(errorFromResponse(graphResponse(401, 'InvalidAuthenticationToken', 'Lifetime validation failed, the token is expired.'), context).kind).toBe(
      'unauthorized',
    );
    expect(errorFromResponse(graphResponse(404, 'ResourceNotFound', 'Resource not found'), context).kind).toBe('notFound');
    const throttled = errorFromResponse(graphResponse(429, 'TooManyRequests', 'Please retry again later.', { 'retry-after': '2.128' }), context);
    expect(throttled).toMatchObject({ kind: 'throttled', retryAfterMs: 2_128 });
    expect(errorFromResponse(graphResponse(503, 'serviceNotAvailable', 'Try later'), context).kind).toBe('serviceUnavailable');
  });

  it('keeps the correlation headers when the body is not a Graph error', () => {
    const error = errorFromResponse(
      { status: 502, statusText: 'Bad Gateway', headers: new Headers({ 'request-id': REQUEST_ID, date: 'Fri, 05 Apr 2024 13:15:36 GMT' }), text: '<html>Bad gateway</html>' },
      context,
    );
    expect(error).toMatchObject({
      kind: 'serviceUnavailable',
      code: 'httpError',
      serviceMessage: 'Bad Gateway',
      requestId: REQUEST_ID,
      clientRequestId: CLIENT_REQUEST_ID,
      date: 'Fri, 05 Apr 2024 13:15:36 GMT',
    });
  });
});

describe('Intune message unwrapping', () => {
  it('leaves a plain Graph message alone', () => {
    expect(parseIntuneMessage('Resource not found for the segment.')).toBeNull();
  });

  it('reads a message that is nested once', () => {
    expect(parseIntuneMessage(intuneJson('Device is not supported for this action.'))).toEqual({
      errorCode: null,
      message: 'Device is not supported for this action.',
      activityId: null,
      operationId: null,
    });
  });
});
