/**
 * The version of the wording of the terms of use and privacy notice (the /terms page, shared/i18n
 * `terms.*`). Change it whenever that wording changes: each account records the version it accepted.
 */
export const TERMS_VERSION = '2026-12-03';
