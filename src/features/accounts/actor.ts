/** Who is making a request, with the roles policies need. `null` is an anonymous visitor. */
export interface Actor {
  userId: string;
  email: string;
  name: string;
  isAdmin: boolean;
  locale: 'en' | 'it';
  via: 'session' | 'token';
  organisationRoles: ReadonlyMap<string, 'admin' | 'member'>;
  eventRoles: ReadonlyMap<string, 'organiser' | 'participant' | 'juror'>;
}
