import { useState } from 'react';
import {
  api,
  type NaceEntry,
  type Organisation,
  type OrganisationType,
  type UpdateOrganisationInput,
} from '../../../client/api.ts';
import { FormActions, useEditForm } from '../../../client/components/EditForm.tsx';
import { FormMessage, SelectField, TextAreaField, TextField } from '../../../client/components/Form.tsx';
import { useI18n } from '../../../client/i18n.tsx';
import { ORGANISATION_TYPE_LIST } from './labels.ts';
import { NacePicker } from './NacePicker.tsx';
import { EcosystemChecklist, joinList, LocationFields, splitList, TagInput } from './ProfileInputs.tsx';

interface Values {
  name: string;
  acronym: string;
  type: string;
  description: string;
  website: string;
  email: string;
  city: string;
  foundedYear: string;
  countryCode: string;
  regionCode: string;
  sizeBand: string;
  offers: string;
  seeks: string;
  keywords: string;
  ecosystems: string;
  s3Areas: string;
  naceCodes: string;
  programmes: string;
  escaLabel: string;
  escaYear: string;
  managerName: string;
  managerEmail: string;
}

function initialValues(o: Organisation): Values {
  return {
    name: o.name,
    acronym: o.acronym ?? '',
    type: o.type,
    description: o.description,
    website: o.website ?? '',
    email: o.email ?? '',
    city: o.city ?? '',
    foundedYear: o.foundedYear === null ? '' : String(o.foundedYear),
    countryCode: o.countryCode ?? '',
    regionCode: o.regionCode ?? '',
    sizeBand: o.sizeBand ?? '',
    offers: o.offers,
    seeks: o.seeks,
    keywords: joinList(o.keywords),
    ecosystems: joinList(o.ecosystems),
    s3Areas: joinList(o.s3Areas),
    naceCodes: joinList(o.nace.map((n) => n.code)),
    programmes: joinList(o.programmes),
    escaLabel: o.escaLabel ?? '',
    escaYear: o.escaYear === null ? '' : String(o.escaYear),
    managerName: o.managerName ?? '',
    managerEmail: o.managerEmail ?? '',
  };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const YEAR = /^\d{4}$/;

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
  // Names of the chosen NACE codes: those of the profile, and those picked since.
  const [naceNames, setNaceNames] = useState(() => new Map(organisation.nace.map((n) => [n.code, n])));
  const { values, fields, message, saving, set, submit } = useEditForm({
    initial: () => initialValues(organisation),
    validate: (v: Values) => {
      const errors: Record<string, string> = {};
      if (!v.name.trim()) errors.name = t('validation.required');
      if (v.website.trim() && !/^https?:\/\/\S+\.\S+/i.test(v.website.trim()))
        errors.website = t('validation.url');
      if (v.email.trim() && !EMAIL.test(v.email.trim())) errors.email = t('validation.email');
      if (v.managerEmail.trim() && !EMAIL.test(v.managerEmail.trim()))
        errors.managerEmail = t('validation.email');
      const year = v.foundedYear.trim();
      if (year && (!YEAR.test(year) || Number(year) < 1000 || Number(year) > 2100))
        errors.foundedYear = t('validation.year');
      const esca = v.escaYear.trim();
      if (esca && (!YEAR.test(esca) || Number(esca) < 2009 || Number(esca) > 2100))
        errors.escaYear = t('profile.validation.escaYear');
      if (esca && !v.escaLabel) errors.escaYear = t('profile.validation.escaYearWithoutLabel');
      return errors;
    },
    changes: (v: Values) => {
      const before = initialValues(organisation);
      const body: UpdateOrganisationInput = {};
      const text = (
        k: 'name' | 'acronym' | 'website' | 'email' | 'city' | 'managerName' | 'managerEmail',
      ) => {
        if (v[k].trim() !== before[k]) body[k] = v[k].trim();
      };
      for (const k of ['name', 'acronym', 'website', 'email', 'city', 'managerName', 'managerEmail'] as const)
        text(k);
      if (v.description !== before.description) body.description = v.description;
      if (v.offers !== before.offers) body.offers = v.offers;
      if (v.seeks !== before.seeks) body.seeks = v.seeks;
      if (v.type !== before.type) body.type = v.type as OrganisationType;
      if (v.foundedYear.trim() !== before.foundedYear)
        body.foundedYear = v.foundedYear.trim() ? Number(v.foundedYear.trim()) : null;
      if (v.regionCode !== before.regionCode || v.countryCode !== before.countryCode) {
        body.regionCode = v.regionCode || null;
        if (!v.regionCode) body.countryCode = v.countryCode || null;
      }
      if (v.sizeBand !== before.sizeBand)
        body.sizeBand = (v.sizeBand || null) as UpdateOrganisationInput['sizeBand'];
      if (v.keywords !== before.keywords) body.keywords = splitList(v.keywords);
      if (v.ecosystems !== before.ecosystems)
        body.ecosystems = splitList(v.ecosystems) as UpdateOrganisationInput['ecosystems'];
      if (v.s3Areas !== before.s3Areas) body.s3Areas = splitList(v.s3Areas);
      if (v.naceCodes !== before.naceCodes) body.naceCodes = splitList(v.naceCodes);
      if (v.programmes !== before.programmes) body.programmes = splitList(v.programmes);
      // Only clusters hold an ESCA label: leaving the cluster type drops it.
      const label = v.type === 'cluster' ? v.escaLabel : '';
      const escaYear = v.type === 'cluster' ? v.escaYear.trim() : '';
      if (label !== before.escaLabel)
        body.escaLabel = (label || null) as UpdateOrganisationInput['escaLabel'];
      if (escaYear !== before.escaYear) body.escaYear = escaYear ? Number(escaYear) : null;
      return body;
    },
    save: (body) => api.updateOrganisation(organisation.id, body),
    onSaved,
    onCancel,
  });
  const setList = (name: keyof Values) => (list: string[]) =>
    set(name)({ target: { value: joinList(list) } });
  const isCluster = values.type === 'cluster';
  const nace = splitList(values.naceCodes).flatMap((code) => {
    const entry = naceNames.get(code);
    return entry ? [entry] : [];
  });

  return (
    <form className="card form edit-form" onSubmit={submit} noValidate aria-labelledby="edit-org-heading">
      <h2 id="edit-org-heading">{t('org.edit')}</h2>
      <FormMessage error={message} />
      <fieldset className="form-section">
        <legend>{t('profile.section.identity')}</legend>
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
          <SelectField
            label={t('common.type')}
            name="type"
            value={values.type}
            onChange={set('type')}
            error={fields.type}
          >
            {ORGANISATION_TYPE_LIST.map((type) => (
              <option key={type} value={type}>
                {t(`orgType.${type}`)}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t('profile.field.sizeBand')}
            name="sizeBand"
            value={values.sizeBand}
            onChange={set('sizeBand')}
            error={fields.sizeBand}
            optional
          >
            <option value="">{t('profile.sizeBand.unknown')}</option>
            {(['micro', 'small', 'medium', 'large'] as const).map((band) => (
              <option key={band} value={band}>
                {t(`profile.sizeBand.${band}`)}
              </option>
            ))}
          </SelectField>
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
          <LocationFields
            countryCode={values.countryCode}
            regionCode={values.regionCode}
            errors={fields}
            onChange={(next) => {
              set('countryCode')({ target: { value: next.countryCode } });
              set('regionCode')({ target: { value: next.regionCode } });
            }}
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
          rows={6}
          value={values.description}
          onChange={set('description')}
          error={fields.description}
          optional
        />
      </fieldset>

      <fieldset className="form-section">
        <legend>{t('profile.section.activities')}</legend>
        <div className="form-grid">
          <TextAreaField
            label={t('profile.field.offers')}
            name="offers"
            rows={4}
            value={values.offers}
            onChange={set('offers')}
            error={fields.offers}
            optional
          />
          <TextAreaField
            label={t('profile.field.seeks')}
            name="seeks"
            rows={4}
            value={values.seeks}
            onChange={set('seeks')}
            error={fields.seeks}
            optional
          />
        </div>
        <EcosystemChecklist
          value={splitList(values.ecosystems)}
          onChange={setList('ecosystems')}
          error={fields.ecosystems}
        />
        <NacePicker
          value={nace}
          error={fields.naceCodes}
          onChange={(next: NaceEntry[]) => {
            setNaceNames((m) => new Map([...m, ...next.map((n) => [n.code, n] as const)]));
            setList('naceCodes')(next.map((n) => n.code));
          }}
        />
        <div className="form-grid">
          <TagInput
            label={t('profile.field.keywords')}
            value={splitList(values.keywords)}
            onChange={setList('keywords')}
            error={fields.keywords}
            max={30}
          />
          <TagInput
            label={t('profile.field.s3Areas')}
            value={splitList(values.s3Areas)}
            onChange={setList('s3Areas')}
            error={fields.s3Areas}
            max={20}
          />
        </div>
      </fieldset>

      {isCluster && (
        <fieldset className="form-section">
          <legend>{t('profile.section.cluster')}</legend>
          <TagInput
            label={t('profile.field.programmes')}
            hint={t('profile.programmesHint')}
            value={splitList(values.programmes)}
            onChange={setList('programmes')}
            error={fields.programmes}
            max={10}
          />
          <div className="form-grid">
            <SelectField
              label={t('profile.field.escaLabel')}
              name="escaLabel"
              value={values.escaLabel}
              onChange={set('escaLabel')}
              error={fields.escaLabel}
              optional
            >
              <option value="">{t('profile.esca.none')}</option>
              {(['gold', 'silver', 'bronze'] as const).map((label) => (
                <option key={label} value={label}>
                  {t(`profile.esca.${label}`)}
                </option>
              ))}
            </SelectField>
            <TextField
              label={t('profile.field.escaYear')}
              name="escaYear"
              inputMode="numeric"
              value={values.escaYear}
              onChange={set('escaYear')}
              error={fields.escaYear}
              optional
            />
            <TextField
              label={t('profile.field.managerName')}
              name="managerName"
              value={values.managerName}
              onChange={set('managerName')}
              error={fields.managerName}
              optional
              autoComplete="off"
            />
            <TextField
              label={t('profile.field.managerEmail')}
              name="managerEmail"
              type="email"
              value={values.managerEmail}
              onChange={set('managerEmail')}
              error={fields.managerEmail}
              optional
              autoComplete="off"
            />
          </div>
        </fieldset>
      )}
      <FormActions saving={saving} onCancel={onCancel} />
    </form>
  );
}
