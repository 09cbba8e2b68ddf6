import { Notice } from '../../../components/Notice';
import type { Field } from '../../../lib/assetpanda/types';
import { fieldRef } from '../../../lib/mapping/draft';
import type { Behaviour, FieldRef, FieldValueChoice, MissingDevices, Schedule } from '../../../lib/mapping/schema';
import type { SectionProps } from './FieldMappingSection';

/** Fields a sync may put a value of its own into: text, list and status fields that are not links. */
const valueFields = (fields: Field[]) => fields.filter((field) => !field.reference && ['text', 'list', 'status'].includes(field.type));

/** What a sync does beyond copying fields: new records, devices gone from Intune, Retire, schedule. */
export function BehaviourSection({ draft, update, fields }: SectionProps & { fields: Field[] }) {
  const { behaviour } = draft;
  const set = (change: Partial<Behaviour>) => update((current) => ({ ...current, behaviour: { ...current.behaviour, ...change } }));
  const missing = behaviour.missingDevices;
  const choosable = valueFields(fields);
  const setMissing = (next: MissingDevices | undefined) => next && set({ missingDevices: next });

  return (
    <div data-testid="behaviour">
      <label class="choice">
        <input type="checkbox" checked={behaviour.createRecords} onChange={(event) => set({ createRecords: event.currentTarget.checked })} />
        Create new records <span class="muted">— off: only enrich the records that already exist (found by the Unique Identifier)</span>
      </label>

      <fieldset>
        <legend>Devices that disappear from Intune</legend>
        <label class="choice">
          <input type="radio" name="missing" checked={missing.action === 'leave'} onChange={() => set({ missingDevices: { action: 'leave' } })} />
          Leave their records alone
        </label>
        <label class="choice">
          <input type="radio" name="missing" checked={missing.action === 'setValue'} disabled={choosable.length === 0}
            onChange={() => setMissing(firstValue(choosable[0]) && { action: 'setValue', set: firstValue(choosable[0])! })} />
          Set a value
        </label>
        {missing.action === 'setValue' && (
          <ValueChoice label="Devices gone from Intune" fields={choosable} choice={missing.set} onChange={(choice) => set({ missingDevices: { action: 'setValue', set: choice } })} />
        )}
        <label class="choice">
          <input type="radio" name="missing" checked={missing.action === 'clearField'} disabled={choosable.length === 0}
            onChange={() => choosable[0] && set({ missingDevices: { action: 'clearField', field: fieldRef(choosable[0]) } })} />
          Clear a field
        </label>
        {missing.action === 'clearField' && (
          <FieldChoice label="Field to clear for devices gone from Intune" fields={choosable} value={missing.field}
            onChange={(field) => set({ missingDevices: { action: 'clearField', field: fieldRef(field) } })} />
        )}
        <label class="choice">
          <input type="radio" name="missing" checked={missing.action === 'delete'} onChange={() => set({ missingDevices: { action: 'delete' } })} />
          Delete their records
        </label>
        {missing.action === 'delete' && (
          <Notice tone="error">
            Each sync will delete from Asset Panda the record of every device no longer in Intune, with its history. Devices that leave Intune for a
            while (a reset, a re-enrollment) lose their record. Setting a status value keeps the record.
          </Notice>
        )}
      </fieldset>

      <fieldset>
        <legend>Retire</legend>
        <p class="field__hint">When you retire a device from its Asset Panda record, the extension also sets this value (the record and its history stay).</p>
        <label class="choice">
          <input type="checkbox" checked={behaviour.retiredStatus !== null} disabled={choosable.length === 0}
            onChange={(event) => set({ retiredStatus: event.currentTarget.checked ? (retiredDefault(choosable) ?? null) : null })} />
          Set a status when a device is retired
        </label>
        {behaviour.retiredStatus && (
          <ValueChoice label="Retire sets" fields={choosable} choice={behaviour.retiredStatus} onChange={(choice) => set({ retiredStatus: choice })} />
        )}
      </fieldset>

      <ScheduleChoice schedule={behaviour.schedule} onChange={(schedule) => set({ schedule })} />
    </div>
  );
}

function firstValue(field: Field | undefined): FieldValueChoice | undefined {
  return field && { field: fieldRef(field), value: field.options?.[0] ?? '' };
}

/** The status field's "Retired", when the collection has one; else the first value of the first field. */
function retiredDefault(fields: Field[]): FieldValueChoice | undefined {
  const status = fields.find((field) => field.options?.some((option) => /retired/i.test(option))) ?? fields[0];
  if (!status) return undefined;
  return { field: fieldRef(status), value: status.options?.find((option) => /retired/i.test(option)) ?? status.options?.[0] ?? 'Retired' };
}

function FieldChoice({ label, fields, value, onChange }: { label: string; fields: Field[]; value: FieldRef; onChange: (field: Field) => void }) {
  const known = fields.some((field) => field.id === value.id);
  return (
    <select aria-label={label} value={value.id} onChange={(event) => {
      const field = fields.find((candidate) => candidate.id === event.currentTarget.value);
      if (field) onChange(field);
    }}>
      {!known && <option value={value.id}>{value.name} (no longer in Asset Panda)</option>}
      {fields.map((field) => (
        <option key={field.id} value={field.id}>
          {field.name}
        </option>
      ))}
    </select>
  );
}

/** A field and the value to put in it: one of its own values for a list or status field, any text otherwise. */
function ValueChoice({ label, fields, choice, onChange }: { label: string; fields: Field[]; choice: FieldValueChoice; onChange: (choice: FieldValueChoice) => void }) {
  const field = fields.find((candidate) => candidate.id === choice.field.id);
  return (
    <div class="inline">
      <FieldChoice label={`${label}: field`} fields={fields} value={choice.field}
        onChange={(next) => onChange({ field: fieldRef(next), value: next.options?.includes(choice.value) ? choice.value : (next.options?.[0] ?? choice.value) })} />
      {field?.options ? (
        <select aria-label={`${label}: value`} value={choice.value} onChange={(event) => onChange({ ...choice, value: event.currentTarget.value })}>
          {!field.options.includes(choice.value) && <option value={choice.value}>{choice.value} (not a value of {field.name})</option>}
          {field.options.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      ) : (
        <input aria-label={`${label}: value`} value={choice.value} onInput={(event) => onChange({ ...choice, value: event.currentTarget.value })} />
      )}
    </div>
  );
}

/** Stored with the mapping; the sync runs it (Sync page). */
function ScheduleChoice({ schedule, onChange }: { schedule: Schedule; onChange: (schedule: Schedule) => void }) {
  return (
    <fieldset>
      <legend>Schedule</legend>
      <p class="field__hint">Setting up a schedule keeps Asset Panda up to date by syncing at set times. Scheduled syncs run while the browser is open.</p>
      <label class="choice">
        <input type="radio" name="schedule" checked={schedule.kind === 'off'} onChange={() => onChange({ kind: 'off' })} />
        Off (sync by hand)
      </label>
      <label class="choice">
        <input type="radio" name="schedule" checked={schedule.kind === 'everyHours'} onChange={() => onChange({ kind: 'everyHours', hours: 4 })} />
        Every{' '}
        <input type="number" class="short" aria-label="Hours between syncs" min={1} max={168} disabled={schedule.kind !== 'everyHours'}
          value={schedule.kind === 'everyHours' ? schedule.hours : 4}
          onInput={(event) => {
            const hours = Number.parseInt(event.currentTarget.value, 10);
            if (Number.isInteger(hours) && hours >= 1 && hours <= 168) onChange({ kind: 'everyHours', hours });
          }} />{' '}
        hours
      </label>
      <label class="choice">
        <input type="radio" name="schedule" checked={schedule.kind === 'daily'} onChange={() => onChange({ kind: 'daily', at: '02:00' })} />
        Daily at{' '}
        <input type="time" aria-label="Time of the daily sync" disabled={schedule.kind !== 'daily'} value={schedule.kind === 'daily' ? schedule.at : '02:00'}
          onInput={(event) => /^([01]\d|2[0-3]):[0-5]\d$/.test(event.currentTarget.value) && onChange({ kind: 'daily', at: event.currentTarget.value })} />
      </label>
    </fieldset>
  );
}
