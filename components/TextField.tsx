/** A labelled text input with its validation message under it. */
export function TextField(props: {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  hint?: string;
  error?: string | undefined;
  placeholder?: string;
  type?: 'text' | 'password' | 'url' | 'search';
  inputMode?: 'numeric';
  pattern?: string;
  maxLength?: number;
  autoComplete?: string;
  /** Shown but not editable (a value set by policy). */
  readOnly?: boolean;
}) {
  const describedBy = props.error ? `${props.id}-error` : props.hint ? `${props.id}-hint` : undefined;
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        name={props.id}
        type={(props.type ?? 'text') as 'text'}
        value={props.value}
        placeholder={props.placeholder}
        inputMode={props.inputMode}
        pattern={props.pattern}
        maxLength={props.maxLength}
        autoComplete={props.autoComplete ?? 'off'}
        spellcheck={false}
        readOnly={props.readOnly}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy}
        onInput={(event) => props.onInput(event.currentTarget.value)}
      />
      {props.error ? (
        <p class="field__error" id={`${props.id}-error`} role="alert">
          {props.error}
        </p>
      ) : (
        props.hint && (
          <p class="field__hint" id={`${props.id}-hint`}>
            {props.hint}
          </p>
        )
      )}
    </div>
  );
}
