import { describe, expect, it } from 'vitest';
import { matchKeyValue } from './match-key';

describe('match-key values', () => {
  it('never lets a placeholder or empty value identify a device', () => {
    for (const junk of ['', '   ', '0', '000000', 'Default string', 'To be filled by O.E.M.', 'System Serial Number', '00000000-0000-0000-0000-000000000000', '00:00:00:00:00:00', null, undefined]) {
      expect(matchKeyValue(junk), String(junk)).toBeUndefined();
    }
  });

  it('compares real values without regard to case or surrounding blanks', () => {
    expect(matchKeyValue(' PF3ABCD1 ')).toBe('pf3abcd1');
    expect(matchKeyValue('C02XK1ZJJGH5')).toBe(matchKeyValue('c02xk1zjjgh5'));
    expect(matchKeyValue('8f2a5f0e-0000-4000-8000-000000000001')).toBe('8f2a5f0e-0000-4000-8000-000000000001');
  });
});
