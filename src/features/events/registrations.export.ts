import { toCsvLine } from '../organisations/exchange-format.ts';
import type { RegistrationsRepo } from './registrations.repo.ts';

/** Columns of the organisers' participant list (docs/registration.md). */
export const PARTICIPANT_CSV_COLUMNS = ['name', 'organisation', 'category', 'country', 'email'] as const;

/**
 * Confirmed participants as CSV. Name, organisation, category and country are always listed; the e-mail
 * only for participants who agreed to share their contact details. Cells that a spreadsheet would read
 * as a formula (= + - @) are prefixed with ' (toCsvLine).
 */
export function participantsCsv(rows: Awaited<ReturnType<RegistrationsRepo['exportRows']>>): string {
  let out = `\ufeff${toCsvLine(PARTICIPANT_CSV_COLUMNS)}`;
  for (const r of rows) {
    out += toCsvLine([
      r.name,
      r.organisation,
      r.category,
      r.country_code,
      r.consent_contact_at ? r.email : null,
    ]);
  }
  return out;
}
