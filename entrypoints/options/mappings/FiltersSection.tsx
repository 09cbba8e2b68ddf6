import { COMPLIANCE_STATES, DEVICE_ENROLLMENT_TYPES } from '../../../lib/graph/enums';
import { DEVICE_TYPES, type DeviceType } from '../../../lib/mapping/device-types';
import type { Filters } from '../../../lib/mapping/schema';
import { humanize } from '../../../lib/mapping/transform';
import type { SectionProps } from './FieldMappingSection';
import { MatchCount } from './MatchCount';

const toggled = <T,>(values: readonly T[], value: T, on: boolean): T[] => (on ? [...values, value] : values.filter((other) => other !== value));

/** The guide's Device Type and Device Configuration, plus compliance, enrollment type and last check-in. */
export function FiltersSection({ draft, update }: SectionProps) {
  const { filters } = draft;
  const set = (change: Partial<Filters>) => update((current) => ({ ...current, filters: { ...current.filters, ...change } }));
  return (
    <div data-testid="filters">
      <fieldset>
        <legend>Device Type</legend>
        <p class="field__hint">Sync devices of these types only; none chosen means every type.</p>
        {(Object.entries(DEVICE_TYPES) as Array<[DeviceType, (typeof DEVICE_TYPES)[DeviceType]]>).map(([type, { label }]) => (
          <label key={type} class="choice">
            <input type="checkbox" checked={filters.deviceTypes.includes(type)} onChange={(event) => set({ deviceTypes: toggled(filters.deviceTypes, type, event.currentTarget.checked) })} />
            {label}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Device Configuration</legend>
        <label class="choice">
          <input type="radio" name="configuration" checked={filters.configuration === 'companyOwned'} onChange={() => set({ configuration: 'companyOwned' })} />
          Company Owned <span class="muted">— only devices Intune marks as corporate</span>
        </label>
        <label class="choice">
          <input type="radio" name="configuration" checked={filters.configuration === 'companyManaged'} onChange={() => set({ configuration: 'companyManaged' })} />
          Company Managed <span class="muted">— every managed device, personal ones included</span>
        </label>
      </fieldset>
      <fieldset>
        <legend>Compliance</legend>
        <p class="field__hint">None chosen means every compliance state.</p>
        {COMPLIANCE_STATES.map((state) => (
          <label key={state} class="choice">
            <input type="checkbox" checked={filters.complianceStates.includes(state)} onChange={(event) => set({ complianceStates: toggled(filters.complianceStates, state, event.currentTarget.checked) })} />
            {humanize(state)}
          </label>
        ))}
      </fieldset>
      <details open={filters.enrollmentTypes.length > 0}>
        <summary>Device Enrollment Type {filters.enrollmentTypes.length > 0 ? `(${filters.enrollmentTypes.length} chosen)` : '(every type)'}</summary>
        {DEVICE_ENROLLMENT_TYPES.filter((type) => type !== 'unknownFutureValue').map((type) => (
          <label key={type} class="choice">
            <input type="checkbox" checked={filters.enrollmentTypes.includes(type)} onChange={(event) => set({ enrollmentTypes: toggled(filters.enrollmentTypes, type, event.currentTarget.checked) })} />
            {humanize(type)}
          </label>
        ))}
      </details>
      <div class="field">
        <label for="last-check-in">Last check-in within (days)</label>
        <input id="last-check-in" type="number" min={1} max={3650} placeholder="Any time" value={filters.lastCheckInWithinDays ?? ''}
          onInput={(event) => {
            const days = Number.parseInt(event.currentTarget.value, 10);
            set({ lastCheckInWithinDays: Number.isInteger(days) && days >= 1 && days <= 3650 ? days : null });
          }} />
        <p class="field__hint">Leave empty to sync devices however long ago they last checked in.</p>
      </div>
      <MatchCount filters={filters} />
    </div>
  );
}
