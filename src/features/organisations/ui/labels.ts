import type { OrganisationType } from '../../../client/api.ts';

/** The organisation types in the order forms offer them (the API's enum, kept here for the client bundle). */
export const ORGANISATION_TYPE_LIST: readonly OrganisationType[] = [
  'cluster',
  'company',
  'startup',
  'research_centre',
  'university',
  'public_authority',
  'innovation_hub',
  'association',
  'other',
];

/** One colour per type, distinguishable and at least 3:1 against white (WCAG 1.4.11 for graphics). */
export const TYPE_COLOURS: Record<OrganisationType, string> = {
  cluster: '#1d4ed8',
  company: '#0f766e',
  startup: '#b45309',
  research_centre: '#7c3aed',
  university: '#be185d',
  public_authority: '#15803d',
  innovation_hub: '#c2410c',
  association: '#4338ca',
  other: '#4b5563',
};
