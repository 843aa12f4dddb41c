import { api, type EventDetail, type UpdateEventInput } from '../../../client/api.ts';
import { FormActions, useEditForm } from '../../../client/components/EditForm.tsx';
import { FormMessage, SelectField, TextAreaField, TextField } from '../../../client/components/Form.tsx';
import { useI18n } from '../../../client/i18n.tsx';
import { fromZonedInput, isTimeZone, toZonedInput } from '../../../client/time.ts';

// 'past' is derived by the server from a published event's end; the form sets the stored status.
type Status = Exclude<EventDetail['status'], 'past'>;
const STATUSES: Status[] = ['draft', 'published', 'cancelled'];
type B2bMode = EventDetail['b2bMode'];

interface Values {
  title: string;
  summary: string;
  description: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  venueName: string;
  venueAddress: string;
  city: string;
  hostRegionCode: string;
  capacity: string;
  website: string;
  status: Status;
  themes: string;
  registrationOpensAt: string;
  registrationClosesAt: string;
  requiresApproval: 'yes' | 'no';
  inputPaperUrl: string;
  showInputPaper: 'yes' | 'no';
  b2bMode: B2bMode;
}

/** Themes as typed: comma-separated, trimmed, empty ones dropped. */
const splitThemes = (value: string) =>
  value
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

function initialValues(e: EventDetail): Values {
  return {
    title: e.title,
    summary: e.summary,
    description: e.description,
    startsAt: toZonedInput(e.startsAt, e.timeZone),
    endsAt: toZonedInput(e.endsAt, e.timeZone),
    timeZone: e.timeZone,
    venueName: e.venueName ?? '',
    venueAddress: e.venueAddress ?? '',
    city: e.city ?? '',
    hostRegionCode: e.hostRegion?.code ?? '',
    capacity: e.capacity === null ? '' : String(e.capacity),
    website: e.website ?? '',
    status: e.status === 'past' ? 'published' : e.status,
    themes: e.themes.join(', '),
    registrationOpensAt: e.registrationOpensAt ? toZonedInput(e.registrationOpensAt, e.timeZone) : '',
    registrationClosesAt: e.registrationClosesAt ? toZonedInput(e.registrationClosesAt, e.timeZone) : '',
    requiresApproval: e.requiresApproval ? 'yes' : 'no',
    inputPaperUrl: e.inputPaperUrl ?? '',
    showInputPaper: e.showInputPaper ? 'yes' : 'no',
    b2bMode: e.b2bMode,
  };
}

const orNull = (value: string) => (value.trim() ? value.trim() : null);

export function EventEditForm({
  event,
  onSaved,
  onCancel,
}: {
  event: EventDetail;
  onSaved: (updated: EventDetail) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const { values, fields, message, saving, set, submit } = useEditForm({
    initial: () => initialValues(event),
    validate: (values: Values) => {
      const errors: Record<string, string> = {};
      if (!values.title.trim()) errors.title = t('validation.required');
      const zoneOk = isTimeZone(values.timeZone.trim());
      if (!zoneOk) errors.timeZone = t('validation.timeZone');
      const starts = zoneOk ? fromZonedInput(values.startsAt, values.timeZone.trim()) : null;
      const ends = zoneOk ? fromZonedInput(values.endsAt, values.timeZone.trim()) : null;
      if (!values.startsAt) errors.startsAt = t('validation.dateTime');
      if (!values.endsAt) errors.endsAt = t('validation.dateTime');
      if (starts && ends && Date.parse(ends) < Date.parse(starts))
        errors.endsAt = t('validation.endBeforeStart');
      if (values.capacity.trim() && !/^[1-9]\d*$/.test(values.capacity.trim()))
        errors.capacity = t('validation.positiveInteger');
      if (values.website.trim() && !/^https?:\/\/\S+\.\S+/i.test(values.website.trim()))
        errors.website = t('validation.url');
      const themes = splitThemes(values.themes);
      if (
        themes.length > 10 ||
        themes.some((x) => x.length > 60) ||
        new Set(themes.map((x) => x.toLowerCase())).size !== themes.length
      )
        errors.themes = t('eventInfo.themesInvalid');
      const opens =
        zoneOk && values.registrationOpensAt
          ? fromZonedInput(values.registrationOpensAt, values.timeZone.trim())
          : null;
      const closes =
        zoneOk && values.registrationClosesAt
          ? fromZonedInput(values.registrationClosesAt, values.timeZone.trim())
          : null;
      if (opens && closes && Date.parse(closes) <= Date.parse(opens))
        errors.registrationClosesAt = t('eventInfo.closesBeforeOpens');
      if (values.inputPaperUrl.trim() && !/^https:\/\/\S+\.\S+/i.test(values.inputPaperUrl.trim()))
        errors.inputPaperUrl = t('eventInfo.httpsUrl');
      return errors;
    },

    changes: (values: Values) => {
      const before = initialValues(event);
      const body: UpdateEventInput = {};
      const zone = values.timeZone.trim();
      if (values.title.trim() !== before.title) body.title = values.title.trim();
      if (values.summary !== before.summary) body.summary = values.summary;
      if (values.description !== before.description) body.description = values.description;
      if (
        values.startsAt !== before.startsAt ||
        values.endsAt !== before.endsAt ||
        zone !== before.timeZone
      ) {
        body.startsAt = fromZonedInput(values.startsAt, zone) ?? undefined;
        body.endsAt = fromZonedInput(values.endsAt, zone) ?? undefined;
        body.timeZone = zone;
      }
      if (values.venueName.trim() !== before.venueName) body.venueName = orNull(values.venueName);
      if (values.venueAddress.trim() !== before.venueAddress) body.venueAddress = orNull(values.venueAddress);
      if (values.city.trim() !== before.city) body.city = orNull(values.city);
      const region = values.hostRegionCode.trim().toUpperCase();
      if (region !== before.hostRegionCode) body.hostRegionCode = region || null;
      if (values.capacity.trim() !== before.capacity)
        body.capacity = values.capacity.trim() ? Number(values.capacity) : null;
      if (values.website.trim() !== before.website) body.website = values.website.trim();
      if (values.status !== before.status) body.status = values.status;
      if (values.themes !== before.themes) body.themes = splitThemes(values.themes);
      for (const key of ['registrationOpensAt', 'registrationClosesAt'] as const) {
        if (values[key] !== before[key] || (values[key] && zone !== before.timeZone))
          body[key] = values[key] ? fromZonedInput(values[key], zone) : null;
      }
      if (values.requiresApproval !== before.requiresApproval)
        body.requiresApproval = values.requiresApproval === 'yes';
      if (values.inputPaperUrl.trim() !== before.inputPaperUrl)
        body.inputPaperUrl = values.inputPaperUrl.trim();
      if (values.showInputPaper !== before.showInputPaper)
        body.showInputPaper = values.showInputPaper === 'yes';
      if (values.b2bMode !== before.b2bMode) body.b2bMode = values.b2bMode;
      return body;
    },

    save: (body: UpdateEventInput) => api.updateEvent(event.id, body),
    onSaved,
    onCancel,
  });

  const timesHint = `${t('event.field.timesHint')} (${values.timeZone})`;
  return (
    <form className="card form edit-form" onSubmit={submit} noValidate aria-labelledby="edit-event-heading">
      <h2 id="edit-event-heading">{t('event.edit')}</h2>
      <FormMessage error={message} />
      <TextField
        label={t('event.field.title')}
        name="title"
        value={values.title}
        onChange={set('title')}
        error={fields.title}
        required
      />
      <TextAreaField
        label={t('event.field.summary')}
        name="summary"
        rows={2}
        value={values.summary}
        onChange={set('summary')}
        error={fields.summary}
        optional
      />
      <div className="form-grid">
        <TextField
          label={t('event.field.startsAt')}
          name="startsAt"
          type="datetime-local"
          value={values.startsAt}
          onChange={set('startsAt')}
          error={fields.startsAt}
          hint={timesHint}
          required
        />
        <TextField
          label={t('event.field.endsAt')}
          name="endsAt"
          type="datetime-local"
          value={values.endsAt}
          onChange={set('endsAt')}
          error={fields.endsAt}
          hint={timesHint}
          required
        />
        <TextField
          label={t('event.field.timeZone')}
          name="timeZone"
          value={values.timeZone}
          onChange={set('timeZone')}
          error={fields.timeZone}
          required
        />
        <SelectField
          label={t('event.field.status')}
          name="status"
          value={values.status}
          onChange={set('status')}
          error={fields.status}
        >
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`events.status.${s}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('event.field.venueName')}
          name="venueName"
          value={values.venueName}
          onChange={set('venueName')}
          error={fields.venueName}
          optional
        />
        <TextField
          label={t('event.field.city')}
          name="city"
          value={values.city}
          onChange={set('city')}
          error={fields.city}
          optional
        />
        <TextField
          label={t('event.field.venueAddress')}
          name="venueAddress"
          value={values.venueAddress}
          onChange={set('venueAddress')}
          error={fields.venueAddress}
          optional
        />
        <TextField
          label={t('event.field.hostRegionCode')}
          name="hostRegionCode"
          value={values.hostRegionCode}
          onChange={set('hostRegionCode')}
          error={fields.hostRegionCode}
          hint={t('event.field.hostRegionHint')}
          optional
        />
        <TextField
          label={t('event.field.capacity')}
          name="capacity"
          inputMode="numeric"
          value={values.capacity}
          onChange={set('capacity')}
          error={fields.capacity}
          optional
        />
        <TextField
          label={t('event.field.website')}
          name="website"
          type="url"
          value={values.website}
          onChange={set('website')}
          error={fields.website}
          optional
        />
      </div>
      <TextField
        label={t('eventInfo.themes')}
        name="themes"
        value={values.themes}
        onChange={set('themes')}
        error={fields.themes}
        hint={t('eventInfo.themesHint')}
        optional
      />
      <fieldset className="form-fieldset">
        <legend>{t('eventInfo.registration')}</legend>
        <div className="form-grid">
          <TextField
            label={t('eventInfo.registrationOpensAt')}
            name="registrationOpensAt"
            type="datetime-local"
            value={values.registrationOpensAt}
            onChange={set('registrationOpensAt')}
            error={fields.registrationOpensAt}
            hint={timesHint}
            optional
          />
          <TextField
            label={t('eventInfo.registrationClosesAt')}
            name="registrationClosesAt"
            type="datetime-local"
            value={values.registrationClosesAt}
            onChange={set('registrationClosesAt')}
            error={fields.registrationClosesAt}
            hint={timesHint}
            optional
          />
          <SelectField
            label={t('eventInfo.requiresApproval')}
            name="requiresApproval"
            value={values.requiresApproval}
            onChange={set('requiresApproval')}
            error={fields.requiresApproval}
          >
            <option value="no">{t('eventInfo.approvalNo')}</option>
            <option value="yes">{t('eventInfo.approvalYes')}</option>
          </SelectField>
          <SelectField
            label={t('eventInfo.b2bMode')}
            name="b2bMode"
            value={values.b2bMode}
            onChange={set('b2bMode')}
            error={fields.b2bMode}
          >
            <option value="scheduler">{t('eventInfo.b2bScheduler')}</option>
            <option value="first_come">{t('eventInfo.b2bFirstCome')}</option>
          </SelectField>
        </div>
      </fieldset>
      <TextField
        label={t('eventInfo.inputPaperUrl')}
        name="inputPaperUrl"
        type="url"
        value={values.inputPaperUrl}
        onChange={set('inputPaperUrl')}
        error={fields.inputPaperUrl}
        hint={t('eventInfo.inputPaperHint')}
        optional
      />
      {values.hostRegionCode.trim() && (
        <SelectField
          label={t('eventInfo.showInputPaper')}
          name="showInputPaper"
          value={values.showInputPaper}
          onChange={set('showInputPaper')}
          error={fields.showInputPaper}
        >
          <option value="yes">{t('common.yes')}</option>
          <option value="no">{t('common.no')}</option>
        </SelectField>
      )}
      <TextAreaField
        label={t('event.field.description')}
        name="description"
        rows={10}
        value={values.description}
        onChange={set('description')}
        error={fields.description}
        optional
      />
      <FormActions saving={saving} onCancel={onCancel} />
    </form>
  );
}
