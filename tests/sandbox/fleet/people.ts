import type { DirectoryGroup, DirectoryUser } from '../directory.ts';
import type { Prng } from './prng.ts';

const GIVEN_NAMES = [
  'Adele', 'Alan', 'Allan', 'Amara', 'Ana', 'Ben', 'Bianca', 'Carlos', 'Chen', 'Chloe', 'Daniel', 'Diego', 'Elena', 'Emily',
  'Ethan', 'Fatima', 'Gabriel', 'Grace', 'Hannah', 'Henrik', 'Isaac', 'Isabella', 'Jamal', 'Jana', 'Johanna', 'Joni', 'Kenji',
  'Lara', 'Lee', 'Lidia', 'Lucas', 'Lynne', 'Maria', 'Mateo', 'Miriam', 'Nestor', 'Nina', 'Noah', 'Olga', 'Omar', 'Patti',
  'Pradeep', 'Priya', 'Raul', 'Rosa', 'Sakura', 'Samuel', 'Sofia', 'Tariq', 'Thomas', 'Una', 'Valentina', 'Wei', 'Yara', 'Zoe',
] as const;

const SURNAMES = [
  'Abara', 'Andersen', 'Bauer', 'Brown', 'Castillo', 'Chen', 'Cohen', 'Dubois', 'Eriksson', 'Fernandez', 'Fischer', 'Garcia',
  'Gonzalez', 'Haddad', 'Ito', 'Jensen', 'Johnson', 'Kim', 'Kowalski', 'Kumar', 'Larsen', 'Lee', 'Lopez', 'Martin', 'Meyer',
  'Moreau', 'Mueller', 'Nakamura', 'Nguyen', 'Novak', 'Okafor', "O'Brien", 'Patel', 'Petrov', 'Rossi', 'Sanchez', 'Sato',
  'Schmidt', 'Silva', 'Singh', 'Smith', 'Sorensen', 'Tanaka', 'Taylor', 'Vance', 'Wagner', 'Wang', 'Williams', 'Wilson', 'Zhang',
] as const;

const JOB_TITLES = [
  'Account Executive', 'Accountant', 'Engineer', 'Senior Engineer', 'Field Technician', 'Sales Manager', 'Marketing Specialist',
  'HR Generalist', 'Warehouse Associate', 'Project Manager', 'Designer', 'Support Specialist', 'Director', 'Analyst',
] as const;

/** End users of the fleet, plus a few IT staff who hold an Intune role. */
export function makeUsers(prng: Prng, count: number, tenantDomain: string): DirectoryUser[] {
  const taken = new Map<string, number>();
  const users: DirectoryUser[] = [];
  for (let i = 0; i < count; i++) {
    const givenName = prng.pick(GIVEN_NAMES);
    const surname = prng.pick(SURNAMES);
    const base = `${givenName}.${surname}`.toLowerCase().replace(/[^a-z.]/g, '');
    const seen = taken.get(base) ?? 0;
    taken.set(base, seen + 1);
    const alias = seen === 0 ? base : `${base}${seen + 1}`;
    const upn = `${alias}@${tenantDomain}`;
    const itStaff = i < 2;
    users.push({
      id: prng.guid(),
      userPrincipalName: upn,
      displayName: `${givenName} ${surname}`,
      // Accounts created by provisioning tools sometimes lack the name parts or a mailbox.
      givenName: prng.chance(0.03) ? null : givenName,
      surname: prng.chance(0.03) ? null : surname,
      mail: prng.chance(0.04) ? null : upn,
      jobTitle: itStaff ? 'IT Support Specialist' : prng.chance(0.15) ? null : prng.pick(JOB_TITLES),
      intuneRole: itStaff,
    });
  }
  return users;
}

const GROUPS: ReadonlyArray<Omit<DirectoryGroup, 'id'>> = [
  { displayName: 'All Company', description: 'Everyone in the organisation', securityEnabled: false, mailEnabled: true },
  { displayName: 'Intune - Windows Devices', description: 'Dynamic group of Windows devices enrolled in Intune', securityEnabled: true, mailEnabled: false },
  { displayName: 'Intune - Apple Devices', description: 'Dynamic group of macOS, iOS and iPadOS devices', securityEnabled: true, mailEnabled: false },
  { displayName: 'Intune - Android Devices', description: null, securityEnabled: true, mailEnabled: false },
  { displayName: 'IT Support', description: 'Help desk staff with Intune roles', securityEnabled: true, mailEnabled: true },
  { displayName: 'Sales', description: 'Sales team', securityEnabled: false, mailEnabled: true },
  { displayName: 'Field Operations', description: 'Shared rugged devices and field staff', securityEnabled: true, mailEnabled: false },
];

export function makeGroups(prng: Prng): DirectoryGroup[] {
  return GROUPS.map((group) => ({ id: prng.guid(), ...group }));
}
