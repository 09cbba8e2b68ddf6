import type { ComponentChildren } from 'preact';

/** A message box: what happened, in words the admin can act on. An error is an alert; `urgent` makes any tone one. */
export function Notice({ tone, children, testId, urgent }: { tone: 'info' | 'ok' | 'warn' | 'error'; children: ComponentChildren; testId?: string; urgent?: boolean }) {
  return (
    <div class={`notice notice--${tone}`} role={tone === 'error' || urgent ? 'alert' : 'status'} data-testid={testId}>
      {children}
    </div>
  );
}
