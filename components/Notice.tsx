import type { ComponentChildren } from 'preact';

/** A message box: what happened, in words the admin can act on. */
export function Notice({ tone, children, testId }: { tone: 'info' | 'ok' | 'warn' | 'error'; children: ComponentChildren; testId?: string }) {
  return (
    <div class={`notice notice--${tone}`} role={tone === 'error' ? 'alert' : 'status'} data-testid={testId}>
      {children}
    </div>
  );
}
