import { type FormEvent, useMemo, useState } from 'react';
import { api, type HostApplication, type HostCall } from '../../../client/api.ts';
import { FormActions } from '../../../client/components/EditForm.tsx';
import {
  describeError,
  type FormErrors,
  FormMessage,
  SelectField,
  TextAreaField,
  TextField,
} from '../../../client/components/Form.tsx';
import { useApi } from '../../../client/hooks.ts';
import { useI18n } from '../../../client/i18n.tsx';

/**
 * Applies to a call (no `application`) or edits an application, then uploads the letter of support if
 * one was chosen. The region list groups the NUTS 2 regions by country.
 */
export function ApplicationForm({
  call,
  application,
  onDone,
  onCancel,
}: {
  call: HostCall;
  application?: HostApplication;
  onDone: (saved: HostApplication, letterError?: string) => void;
  onCancel?: () => void;
}) {
  const { t, country } = useI18n();
  const regions = useApi((signal) => api.regions({ level: 2, pageSize: 500 }, signal), []);
  const byCountry = useMemo(() => {
    const groups = new Map<string, { code: string; name: string }[]>();
    for (const r of regions.data?.items ?? []) {
      if (r.code.endsWith('ZZ')) continue; // Extra-Regio: no territory to host in
      groups.set(r.countryCode, [...(groups.get(r.countryCode) ?? []), r]);
    }
    return [...groups].sort(([a], [b]) => country(a).localeCompare(country(b)));
  }, [regions.data, country]);
  const [organisationId, setOrganisationId] = useState(call.eligibleOrganisations[0]?.id ?? '');
  const [regionCode, setRegionCode] = useState(application?.region.code ?? '');
  const [startsOn, setStartsOn] = useState(application?.startsOn ?? '');
  const [endsOn, setEndsOn] = useState(application?.endsOn ?? '');
  const [theme, setTheme] = useState(application?.theme ?? '');
  const [venue, setVenue] = useState(application?.venue ?? '');
  const [motivation, setMotivation] = useState(application?.motivation ?? '');
  const [letter, setLetter] = useState<File | null>(null);
  const [saving, setSaving] = useState(false);
  const [errors, setErrors] = useState<FormErrors>();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    setErrors(undefined);
    const fields = { regionCode, startsOn, endsOn, theme, venue, motivation };
    try {
      let saved = application
        ? await api.updateHostApplication(application.id, fields)
        : await api.applyToHostCall(call.id, { ...fields, organisationId });
      let letterError: string | undefined;
      if (letter) {
        try {
          saved = await api.uploadHostLetter(saved.id, letter);
        } catch (err) {
          const d = describeError(err, t);
          letterError = d.fields.file ?? d.message;
        }
      }
      // A new application exists even when its letter was refused: the page shows it with the message.
      if (letterError && application) setErrors({ message: letterError, fields: { letter: letterError } });
      else onDone(saved, letterError);
    } catch (err) {
      setErrors(describeError(err, t));
    } finally {
      setSaving(false);
    }
  };

  const f = errors?.fields ?? {};
  return (
    <form className="edit-form" onSubmit={submit} noValidate>
      <FormMessage error={errors?.message} />
      {!application && (
        <SelectField
          label={t('calls.field.organisation')}
          value={organisationId}
          onChange={(e) => setOrganisationId(e.target.value)}
          error={f.organisationId}
        >
          {call.eligibleOrganisations.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </SelectField>
      )}
      <SelectField
        label={t('calls.field.region')}
        value={regionCode}
        required
        onChange={(e) => setRegionCode(e.target.value)}
        error={f.regionCode}
      >
        <option value="">{t('calls.field.regionChoose')}</option>
        {byCountry.map(([code, list]) => (
          <optgroup key={code} label={country(code)}>
            {list.map((r) => (
              <option key={r.code} value={r.code}>
                {r.name} ({r.code})
              </option>
            ))}
          </optgroup>
        ))}
      </SelectField>
      <div className="form-grid">
        <TextField
          label={t('calls.field.startsOn')}
          hint={t('calls.field.datesHint')}
          type="date"
          required
          value={startsOn}
          onChange={(e) => setStartsOn(e.target.value)}
          error={f.startsOn}
        />
        <TextField
          label={t('calls.field.endsOn')}
          type="date"
          required
          value={endsOn}
          onChange={(e) => setEndsOn(e.target.value)}
          error={f.endsOn}
        />
      </div>
      <TextField
        label={t('calls.field.theme')}
        required
        maxLength={300}
        value={theme}
        onChange={(e) => setTheme(e.target.value)}
        error={f.theme}
      />
      <TextField
        label={t('calls.field.venue')}
        optional
        maxLength={400}
        value={venue}
        onChange={(e) => setVenue(e.target.value)}
        error={f.venue}
      />
      <TextAreaField
        label={t('calls.field.motivation')}
        optional
        rows={5}
        value={motivation}
        onChange={(e) => setMotivation(e.target.value)}
        error={f.motivation}
      />
      <TextField
        label={t('calls.field.letter')}
        type="file"
        accept="application/pdf,.pdf"
        optional={!!application?.letter}
        onChange={(e) => setLetter(e.target.files?.[0] ?? null)}
        error={f.letter}
      />
      <FormActions
        saving={saving}
        onCancel={onCancel}
        submitLabel={application ? t('common.save') : t('calls.submit')}
      />
    </form>
  );
}
