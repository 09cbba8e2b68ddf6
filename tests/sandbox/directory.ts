/** The Entra directory both Entra and Graph answer from: one tenant, its users and groups. */
export interface DirectoryUser {
  id: string;
  userPrincipalName: string;
  displayName: string;
  givenName: string | null;
  surname: string | null;
  mail: string | null;
  jobTitle: string | null;
  /** Holds an Intune administrator role; without one Intune answers 403 to delegated calls. */
  intuneRole: boolean;
}

export interface DirectoryGroup {
  id: string;
  displayName: string;
  description: string | null;
  securityEnabled: boolean;
  mailEnabled: boolean;
}

export interface Directory {
  tenantId: string;
  tenantDomain: string;
  users: DirectoryUser[];
  groups: DirectoryGroup[];
}

export const SANDBOX_TENANT_ID = '8f2e4c1a-7b3d-4e5f-9a6b-1c2d3e4f5a6b';
export const SANDBOX_TENANT_DOMAIN = 'contoso.onmicrosoft.com';

/** The admins every sandbox has: one with an Intune role, one without (for the 403 path). */
export const SANDBOX_ADMIN: DirectoryUser = {
  id: '0b6f3c2e-1d4a-4b5c-8e9f-a0b1c2d3e4f5',
  userPrincipalName: `megan.bowen@${SANDBOX_TENANT_DOMAIN}`,
  displayName: 'Megan Bowen',
  givenName: 'Megan',
  surname: 'Bowen',
  mail: `megan.bowen@${SANDBOX_TENANT_DOMAIN}`,
  jobTitle: 'Intune Administrator',
  intuneRole: true,
};

export const SANDBOX_USER_WITHOUT_ROLE: DirectoryUser = {
  id: '1c7a4d3f-2e5b-4c6d-9fa0-b1c2d3e4f5a6',
  userPrincipalName: `alex.wilber@${SANDBOX_TENANT_DOMAIN}`,
  displayName: 'Alex Wilber',
  givenName: 'Alex',
  surname: 'Wilber',
  mail: `alex.wilber@${SANDBOX_TENANT_DOMAIN}`,
  jobTitle: 'Marketing Assistant',
  intuneRole: false,
};
