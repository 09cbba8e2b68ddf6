import { TextField } from '../../components/TextField';
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
          <TextField
            key={choice.key}
            id={`option-${choice.key}`}
            label={choice.label}
            hint={choice.help}
            inputMode="numeric"
            pattern="\d{6}"
            maxLength={6}
            value={typeof draft[choice.key] === 'string' ? (draft[choice.key] as string) : ''}
            onInput={(value) => onChange({ ...draft, [choice.key]: value.replace(/\D/g, '') })}
          />
        ),
      )}
    </fieldset>
  );
}
