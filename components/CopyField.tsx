import { useState } from 'preact/hooks';

/** A value the admin pastes elsewhere (Azure portal), with a copy button. */
export function CopyField({ label, value, testId }: { label: string; value: string; testId?: string }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard.writeText(value);
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  };
  return (
    <div class="copy-field">
      <span class="copy-field__label">{label}</span>
      <code class="copy-field__value" data-testid={testId}>
        {value}
      </code>
      <button type="button" class="secondary" onClick={() => void copy()} aria-label={`Copy ${label}`}>
        {copied ? 'Copied' : 'Copy'}
      </button>
    </div>
  );
}
