import { api, type Organisation, type UpdateOrganisationInput } from '../../../client/api.ts';
import { FormActions, useEditForm } from '../../../client/components/EditForm.tsx';
import { FormMessage, TextAreaField, TextField } from '../../../client/components/Form.tsx';
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
  const { values, fields, message, saving, set, submit } = useEditForm({
    initial: () => initialValues(organisation),
    validate: (v: Values) => {
      const errors: Record<string, string> = {};
      if (!v.name.trim()) errors.name = t('validation.required');
      if (v.website.trim() && !/^https?:\/\/\S+\.\S+/i.test(v.website.trim()))
        errors.website = t('validation.url');
      if (v.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.email.trim()))
        errors.email = t('validation.email');
      const year = v.foundedYear.trim();
      if (year && (!/^\d{4}$/.test(year) || Number(year) < 1000 || Number(year) > 2100))
        errors.foundedYear = t('validation.year');
      return errors;
    },
    changes: (v: Values) => {
      const before = initialValues(organisation);
      const body: UpdateOrganisationInput = {};
      if (v.name.trim() !== before.name) body.name = v.name.trim();
      if (v.acronym.trim() !== before.acronym) body.acronym = v.acronym.trim();
      if (v.description !== before.description) body.description = v.description;
      if (v.website.trim() !== before.website) body.website = v.website.trim();
      if (v.email.trim() !== before.email) body.email = v.email.trim();
      if (v.city.trim() !== before.city) body.city = v.city.trim();
      if (v.foundedYear.trim() !== before.foundedYear) {
        body.foundedYear = v.foundedYear.trim() ? Number(v.foundedYear.trim()) : null;
      }
      return body;
    },
    save: (body) => api.updateOrganisation(organisation.id, body),
    onSaved,
    onCancel,
  });

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
      <FormActions saving={saving} onCancel={onCancel} />
    </form>
  );
}
