import type { ResponseOf } from '../../lib/messaging/protocol';

export type WipeChoice = ResponseOf<'getActionConfirmation'>['wipeChoices'][number];
export type WipeDraft = Partial<Record<WipeChoice['key'], boolean | string>>;

/** The wipe options Intune offers for this device's platform, and nothing else. */
export function WipeOptionsForm({ choices, draft, onChange }: { choices: readonly WipeChoice[]; draft: WipeDraft; onChange: (draft: WipeDraft) => void }) {
  return (
    <fieldset class="wipe-options" data-testid="wipe-options">
      <legend>Wipe options</legend>
      {choices.map((choice) =>
        choice.kind === 'checkbox' ? (
          <label class="option" key={choice.key}>
            <input
              type="checkbox"
              checked={draft[choice.key] === true}
              onChange={(event) => onChange({ ...draft, [choice.key]: event.currentTarget.checked })}
            />
            <span>
              {choice.label}
              <br />
              <span class="muted">{choice.help}</span>
            </span>
          </label>
        ) : (
          <div class="field" key={choice.key}>
            <label for={`option-${choice.key}`}>{choice.label}</label>
            <input
              id={`option-${choice.key}`}
              inputMode="numeric"
              pattern="\d{6}"
              maxLength={6}
              autoComplete="off"
              value={typeof draft[choice.key] === 'string' ? (draft[choice.key] as string) : ''}
              onInput={(event) => onChange({ ...draft, [choice.key]: event.currentTarget.value.replace(/\D/g, '') })}
            />
            <p class="field__hint">{choice.help}</p>
          </div>
        ),
      )}
    </fieldset>
  );
}
