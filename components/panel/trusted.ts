/**
 * Wraps a handler so that it runs only for events the browser created from the admin's own input.
 * Scripts of the Asset Panda page can reach the panel through its shadow root and dispatch clicks
 * and key presses, but those carry `isTrusted === false`: they are ignored (issue 7).
 */
export function trusted<E extends Event>(handler: (event: E) => void): (event: E) => void {
  return (event) => {
    if (event.isTrusted) handler(event);
  };
}
