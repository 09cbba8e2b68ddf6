import type { DirectoryGroup, DirectoryUser } from '../directory.ts';

const NEVER = '0001-01-01T00:00:00Z';

/**
 * Every structural property of the v1.0 `user` (CSDL, incl. directoryObject and entity) with the
 * value the sandbox returns when it does not model it. The schema test holds this list to the CSDL.
 */
const USER_UNMODELLED: Readonly<Record<string, unknown>> = {
  id: null, deletedDateTime: null, aboutMe: null, accountEnabled: true, ageGroup: null, assignedLicenses: [], assignedPlans: [],
  authorizationInfo: null, birthday: NEVER, businessPhones: [], city: null, companyName: null, consentProvidedForMinor: null,
  country: null, createdDateTime: null, creationType: null, customSecurityAttributes: null, department: null,
  deviceEnrollmentLimit: 5, displayName: null, employeeHireDate: null, employeeId: null, employeeLeaveDateTime: null,
  employeeOrgData: null, employeeType: null, externalUserState: null, externalUserStateChangeDateTime: null, faxNumber: null,
  givenName: null, hireDate: NEVER, identities: [], identityParentId: null, imAddresses: [], interests: [],
  isManagementRestricted: null, isResourceAccount: null, jobTitle: null, lastPasswordChangeDateTime: null,
  legalAgeGroupClassification: null, licenseAssignmentStates: [], mail: null, mailboxSettings: null, mailNickname: null,
  mobilePhone: null, mySite: null, officeLocation: null, onPremisesDistinguishedName: null, onPremisesDomainName: null,
  onPremisesExtensionAttributes: null, onPremisesImmutableId: null, onPremisesLastSyncDateTime: null,
  onPremisesProvisioningErrors: [], onPremisesSamAccountName: null, onPremisesSecurityIdentifier: null,
  onPremisesSyncEnabled: null, onPremisesUserPrincipalName: null, otherMails: [], passwordPolicies: null,
  passwordProfile: null, pastProjects: [], postalCode: null, preferredDataLocation: null, preferredLanguage: null,
  preferredName: null, print: null, provisionedPlans: [], proxyAddresses: [], responsibilities: [], schools: [],
  securityIdentifier: null, serviceProvisioningErrors: [], showInAddressList: null, signInActivity: null,
  signInSessionsValidFromDateTime: null, skills: [], state: null, streetAddress: null, surname: null, usageLocation: null,
  userPrincipalName: null, userType: null,
};

export const USER_PROPERTY_NAMES: ReadonlySet<string> = new Set(Object.keys(USER_UNMODELLED));

/** What GET /users returns without `$select` (user resource docs, "returned by default"). */
export const USER_DEFAULT_PROPERTIES = [
  'businessPhones', 'displayName', 'givenName', 'jobTitle', 'mail', 'mobilePhone', 'officeLocation', 'preferredLanguage',
  'surname', 'userPrincipalName', 'id',
] as const;

/** The "basic profile" that User.ReadBasic.All allows (the photo is a navigation property). */
export const USER_BASIC_PROPERTIES: ReadonlySet<string> = new Set(['id', 'displayName', 'givenName', 'surname', 'mail', 'userPrincipalName']);

export function userResource(user: DirectoryUser): Record<string, unknown> {
  return {
    ...USER_UNMODELLED,
    id: user.id,
    displayName: user.displayName,
    givenName: user.givenName,
    surname: user.surname,
    userPrincipalName: user.userPrincipalName,
    mail: user.mail,
    jobTitle: user.jobTitle,
    preferredLanguage: 'en-US',
    accountEnabled: true,
    userType: 'Member',
    usageLocation: 'US',
    mailNickname: user.userPrincipalName.split('@')[0],
    proxyAddresses: user.mail ? [`SMTP:${user.mail}`] : [],
  };
}

/** Every structural property of the v1.0 `group`, as for users. */
const GROUP_UNMODELLED: Readonly<Record<string, unknown>> = {
  id: null, deletedDateTime: null, accessType: null, allowExternalSenders: null, assignedLabels: [], assignedLicenses: [],
  autoSubscribeNewMembers: null, classification: null, createdDateTime: null, description: null, displayName: null,
  expirationDateTime: null, groupTypes: [], hasMembersWithLicenseErrors: null, hideFromAddressLists: null,
  hideFromOutlookClients: null, infoCatalogs: [], isArchived: null, isAssignableToRole: null, isFavorite: null,
  isManagementRestricted: null, isSubscribedByMail: null, licenseProcessingState: null, mail: null, mailEnabled: null,
  mailNickname: null, membershipRule: null, membershipRuleProcessingState: null, onPremisesDomainName: null,
  onPremisesExtensionAttributes: null, onPremisesLastSyncDateTime: null, onPremisesNetBiosName: null,
  onPremisesProvisioningErrors: [], onPremisesSamAccountName: null, onPremisesSecurityIdentifier: null,
  onPremisesSyncEnabled: null, organizationId: null, preferredDataLocation: null, preferredLanguage: null, proxyAddresses: [],
  renewedDateTime: null, resourceBehaviorOptions: [], resourceProvisioningOptions: [], securityEnabled: null,
  securityIdentifier: null, serviceProvisioningErrors: [], theme: null, uniqueName: null, unseenConversationsCount: null,
  unseenCount: null, unseenMessagesCount: null, visibility: null, welcomeMessageEnabled: null,
};

export const GROUP_PROPERTY_NAMES: ReadonlySet<string> = new Set(Object.keys(GROUP_UNMODELLED));

/** What GET /groups returns without `$select` (group resource docs). */
export const GROUP_DEFAULT_PROPERTIES = [
  'id', 'deletedDateTime', 'classification', 'createdDateTime', 'description', 'displayName', 'expirationDateTime',
  'groupTypes', 'isAssignableToRole', 'mail', 'mailEnabled', 'mailNickname', 'membershipRule',
  'membershipRuleProcessingState', 'onPremisesDomainName', 'onPremisesLastSyncDateTime', 'onPremisesNetBiosName',
  'onPremisesSamAccountName', 'onPremisesSecurityIdentifier', 'onPremisesSyncEnabled', 'preferredDataLocation',
  'preferredLanguage', 'proxyAddresses', 'renewedDateTime', 'resourceBehaviorOptions', 'resourceProvisioningOptions',
  'securityEnabled', 'securityIdentifier', 'theme', 'visibility', 'onPremisesProvisioningErrors', 'serviceProvisioningErrors',
] as const;

export function groupResource(group: DirectoryGroup, tenantDomain: string): Record<string, unknown> {
  const nickname = group.displayName.toLowerCase().replace(/[^a-z0-9]+/g, '');
  const unified = group.mailEnabled && !group.securityEnabled;
  return {
    ...GROUP_UNMODELLED,
    id: group.id,
    description: group.description,
    displayName: group.displayName,
    groupTypes: unified ? ['Unified'] : [],
    mail: group.mailEnabled ? `${nickname}@${tenantDomain}` : null,
    mailEnabled: group.mailEnabled,
    mailNickname: nickname,
    proxyAddresses: group.mailEnabled ? [`SMTP:${nickname}@${tenantDomain}`] : [],
    securityEnabled: group.securityEnabled,
    securityIdentifier: securityIdentifierOf(group.id),
    visibility: unified ? 'Public' : null,
  };
}

/**
 * Entra's SID for a cloud object: S-1-12-1 and the object id's 16 bytes, in .NET Guid byte order,
 * read as four little-endian words.
 */
function securityIdentifierOf(id: string): string {
  const hex = id.replace(/-/g, '');
  const tail = Buffer.from(hex.slice(16), 'hex');
  const words = [
    Number.parseInt(hex.slice(0, 8), 16),
    Number.parseInt(hex.slice(12, 16) + hex.slice(8, 12), 16),
    tail.readUInt32LE(0),
    tail.readUInt32LE(4),
  ];
  return `S-1-12-1-${words.join('-')}`;
}
