/** The 14 industrial ecosystems of the EU industrial strategy (2021 update), by stable code. */
export const ECOSYSTEMS = [
  'aerospace_defence',
  'agri_food',
  'construction',
  'cultural_creative',
  'digital',
  'electronics',
  'energy_intensive',
  'renewable_energy',
  'health',
  'mobility_transport_automotive',
  'proximity_social_civil_security',
  'retail',
  'textile',
  'tourism',
] as const;
export type Ecosystem = (typeof ECOSYSTEMS)[number];
