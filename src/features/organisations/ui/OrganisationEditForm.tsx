import { type FormEvent, useState } from 'react';
import { api, type Organisation, type UpdateOrganisationInput } from '../../../client/api.ts';
import { describeError, FormMessage, TextAreaField, TextField } from '../../../client/components/Form.tsx';
import { useI18n } from '../../../client/i18n.tsx';

interface Values {
  name: string;
  acronym: string;
  description: string;
  website: string;
  email: string;
  city: string;
  foundedYear: string;
}

function initialValues(o: Organisation): Values {
  return {
    name: o.name,
    acronym: o.acronym ?? '',
    description: o.description,
    website: o.website ?? '',
    email: o.email ?? '',
    city: o.city ?? '',
    foundedYear: o.foundedYear === null ? '' : String(o.foundedYear),
  };
}

export function OrganisationEditForm({
  organisation,
  onSaved,
  onCancel,
}: {
  organisation: Organisation;
  onSaved: (updated: Organisation) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [values, setValues] = useState<Values>(() => initialValues(organisation));
  const [fields, setFields] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string>();
  const [saving, setSaving] = useState(false);
  const set = (name: keyof Values) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [name]: e.target.value }));

  function validate(): Record<string, string> {
    const errors: Record<string, string> = {};
    if (!values.name.trim()) errors.name = t('validation.required');
    if (values.website.trim() && !/^https?:\/\/\S+\.\S+/i.test(values.website.trim()))
      errors.website = t('validation.url');
    if (values.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email.trim()))
      errors.email = t('validation.email');
    const year = values.foundedYear.trim();
    if (year && (!/^\d{4}$/.test(year) || Number(year) < 1000 || Number(year) > 2100))
      errors.foundedYear = t('validation.year');
    return errors;
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const errors = validate();
    setFields(errors);
    if (Object.keys(errors).length > 0) {
      setMessage(t('error.form'));
      return;
    }
    const before = initialValues(organisation);
    const body: UpdateOrganisationInput = {};
    if (values.name.trim() !== before.name) body.name = values.name.trim();
    if (values.acronym.trim() !== before.acronym) body.acronym = values.acronym.trim();
    if (values.description !== before.description) body.description = values.description;
    if (values.website.trim() !== before.website) body.website = values.website.trim();
    if (values.email.trim() !== before.email) body.email = values.email.trim();
    if (values.city.trim() !== before.city) body.city = values.city.trim();
    if (values.foundedYear.trim() !== before.foundedYear) {
      body.foundedYear = values.foundedYear.trim() ? Number(values.foundedYear.trim()) : null;
    }
    if (Object.keys(body).length === 0) {
      onCancel();
      return;
    }
    setSaving(true);
    setMessage(undefined);
    try {
      onSaved(await api.updateOrganisation(organisation.id, body));
    } catch (err) {
      const described = describeError(err, t);
      setFields(described.fields);
      setMessage(described.message);
    } finally {
      setSaving(false);
    }
  }

  return (
    <form className="card form edit-form" onSubmit={submit} noValidate aria-labelledby="edit-org-heading">
      <h2 id="edit-org-heading">{t('org.edit')}</h2>
      <FormMessage error={message} />
      <div className="form-grid">
        <TextField
          label={t('org.field.name')}
          name="name"
          value={values.name}
          onChange={set('name')}
          error={fields.name}
          required
        />
        <TextField
          label={t('org.field.acronym')}
          name="acronym"
          value={values.acronym}
          onChange={set('acronym')}
          error={fields.acronym}
          optional
          maxLength={40}
        />
        <TextField
          label={t('org.field.website')}
          name="website"
          type="url"
          inputMode="url"
          value={values.website}
          onChange={set('website')}
          error={fields.website}
          optional
        />
        <TextField
          label={t('org.field.email')}
          name="email"
          type="email"
          value={values.email}
          onChange={set('email')}
          error={fields.email}
          optional
          autoComplete="email"
        />
        <TextField
          label={t('org.field.city')}
          name="city"
          value={values.city}
          onChange={set('city')}
          error={fields.city}
          optional
        />
        <TextField
          label={t('org.field.foundedYear')}
          name="foundedYear"
          inputMode="numeric"
          value={values.foundedYear}
          onChange={set('foundedYear')}
          error={fields.foundedYear}
          optional
        />
      </div>
      <TextAreaField
        label={t('org.field.description')}
        name="description"
        rows={8}
        value={values.description}
        onChange={set('description')}
        error={fields.description}
        optional
      />
      <div className="form-actions">
        <button type="submit" className="button" disabled={saving}>
          {saving ? t('common.saving') : t('common.save')}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
