import { type FormEvent, useState } from 'react';
import { Link, Redirect, useLocation } from 'wouter';
import { api, type CreateOrganisationInput, type OrganisationType } from '../../../client/api.ts';
import { useAuth } from '../../../client/auth.tsx';
import {
  describeError,
  FormMessage,
  SelectField,
  TextAreaField,
  TextField,
} from '../../../client/components/Form.tsx';
import { Loading, PageHeader } from '../../../client/components/ui.tsx';
import { useDocumentTitle } from '../../../client/hooks.ts';
import { useI18n } from '../../../client/i18n.tsx';
import { ORGANISATION_TYPE_LIST } from './labels.ts';
import { LocationFields } from './ProfileInputs.tsx';
import './profile.css';

/** Add an organisation: it starts as a draft run by its creator, completed and submitted from its page. */
export default function NewOrganisationPage() {
  const { t } = useI18n();
  const { me, refresh } = useAuth();
  const [, navigate] = useLocation();
  const [values, setValues] = useState({
    name: '',
    type: '',
    website: '',
    countryCode: '',
    regionCode: '',
    city: '',
    description: '',
  });
  const [fields, setFields] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string>();
  const [saving, setSaving] = useState(false);
  useDocumentTitle(t('profile.newTitle'));

  if (me === undefined) {
    return (
      <div className="container page">
        <Loading />
      </div>
    );
  }
  if (me === null) return <Redirect to="/signin?next=%2Forganisations%2Fnew" replace />;

  const set = (name: keyof typeof values) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [name]: e.target.value }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const errors: Record<string, string> = {};
    if (!values.name.trim()) errors.name = t('validation.required');
    if (!values.type) errors.type = t('validation.required');
    if (values.website.trim() && !/^https?:\/\/\S+\.\S+/i.test(values.website.trim()))
      errors.website = t('validation.url');
    setFields(errors);
    if (Object.keys(errors).length) {
      setMessage(t('error.form'));
      return;
    }
    const body: CreateOrganisationInput = {
      name: values.name.trim(),
      type: values.type as OrganisationType,
      ...(values.website.trim() ? { website: values.website.trim() } : {}),
      ...(values.regionCode
        ? { regionCode: values.regionCode }
        : values.countryCode
          ? { countryCode: values.countryCode }
          : {}),
      ...(values.city.trim() ? { city: values.city.trim() } : {}),
      ...(values.description.trim() ? { description: values.description } : {}),
    };
    setSaving(true);
    setMessage(undefined);
    try {
      const created = await api.createOrganisation(body);
      await refresh();
      navigate(`/organisations/${created.slug}`);
    } catch (err) {
      const d = describeError(err, t);
      setFields(d.fields);
      setMessage(d.message);
      setSaving(false);
    }
  }

  return (
    <div className="container page narrow-wide">
      <PageHeader title={t('profile.newTitle')} lead={t('profile.newLead')} />
      <form className="card form edit-form" onSubmit={submit} noValidate aria-label={t('profile.newTitle')}>
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
          <SelectField
            label={t('common.type')}
            name="type"
            value={values.type}
            onChange={set('type')}
            error={fields.type}
            required
          >
            <option value="">{t('profile.chooseType')}</option>
            {ORGANISATION_TYPE_LIST.map((type) => (
              <option key={type} value={type}>
                {t(`orgType.${type}`)}
              </option>
            ))}
          </SelectField>
          <LocationFields
            countryCode={values.countryCode}
            regionCode={values.regionCode}
            errors={fields}
            onChange={(next) => setValues((v) => ({ ...v, ...next }))}
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
            label={t('org.field.website')}
            name="website"
            type="url"
            value={values.website}
            onChange={set('website')}
            error={fields.website}
            optional
          />
        </div>
        <TextAreaField
          label={t('org.field.description')}
          name="description"
          rows={5}
          value={values.description}
          onChange={set('description')}
          error={fields.description}
          optional
        />
        <p className="muted">{t('profile.newNext')}</p>
        <div className="form-actions">
          <button type="submit" className="button" disabled={saving}>
            {saving ? t('common.saving') : t('profile.createDraft')}
          </button>
          <Link href="/organisations" className="button button-secondary">
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </div>
  );
}
