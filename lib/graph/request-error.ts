/**
 * A request the client refuses to send: a `$filter` Intune does not document (Graph would reject it
 * or, for some properties, ignore it and return every device), an unknown property, a bad action body.
 */
export class InvalidRequestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidRequestError';
  }
}
