import { type FormEvent, useState } from 'react';
import {
  api,
  type CreateSessionInput,
  type DraftAgenda,
  type DraftSession,
  type SessionSaved,
} from '../../../client/api.ts';
import { FormActions } from '../../../client/components/EditForm.tsx';
import {
  describeError,
  FormMessage,
  SelectField,
  TextAreaField,
  TextField,
} from '../../../client/components/Form.tsx';
import { useI18n } from '../../../client/i18n.tsx';
import { fromZonedInput, toZonedInput } from '../../../client/time.ts';
import type { MessageKey } from '../../../shared/i18n/index.ts';
import { AgendaPeoplePicker, type PickedPerson, type Role } from './AgendaPeoplePicker.tsx';

type SessionType = DraftSession['type'];
export const SESSION_TYPES: SessionType[] = [
  'remarks',
  'keynote',
  'presentation',
  'panel',
  'pitching',
  'networking',
  'b2b',
  'site_visit',
  'break',
];
const DEFAULT_ROLE: Partial<Record<SessionType, Role>> = { panel: 'panellist', pitching: 'pitcher' };

interface Values {
  type: SessionType;
  title: string;
  description: string;
  startsAt: string;
  endsAt: string;
  room: string;
  capacity: string;
  b2bSlotMinutes: string;
  b2bTables: string;
  people: PickedPerson[];
}

function initial(draft: DraftAgenda, session: DraftSession | null): Values {
  const zone = draft.timeZone;
  if (!session) {
    const start = toZonedInput(draft.startsAt, zone);
    const end = toZonedInput(new Date(Date.parse(draft.startsAt) + 3_600_000).toISOString(), zone);
    return {
      type: 'presentation',
      title: '',
      description: '',
      startsAt: start,
      endsAt: end,
      room: '',
      capacity: '',
      b2bSlotMinutes: '20',
      b2bTables: '',
      people: [],
    };
  }
  return {
    type: session.type,
    title: session.title,
    description: session.description,
    startsAt: toZonedInput(session.startsAt, zone),
    endsAt: toZonedInput(session.endsAt, zone),
    room: session.room ?? '',
    capacity: session.capacity === null ? '' : String(session.capacity),
    b2bSlotMinutes: session.b2bSlotMinutes === null ? '20' : String(session.b2bSlotMinutes),
    b2bTables: session.b2bTables === null ? '' : String(session.b2bTables),
    people: session.people.map((p) => ({
      personId: p.personId,
      fullName: p.fullName,
      organisationName: p.organisationName,
      role: p.role,
    })),
  };
}

const whole = (v: string) => (/^[1-9]\d*$/.test(v.trim()) ? Number(v.trim()) : null);

/** Adds or edits one session of the draft; the server's clash warnings go back to the editor. */
export function AgendaSessionForm({
  draft,
  session,
  onSaved,
  onCancel,
}: {
  draft: DraftAgenda;
  session: DraftSession | null;
  onSaved: (saved: SessionSaved) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [values, setValues] = useState<Values>(() => initial(draft, session));
  const [fields, setFields] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string>();
  const [saving, setSaving] = useState(false);
  const set = (name: keyof Values) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [name]: e.target.value }));
  const zone = draft.timeZone;
  const headingId = session ? `edit-session-${session.id}` : 'new-session-heading';

  function validate(): Record<string, string> {
    const errors: Record<string, string> = {};
    if (!values.title.trim()) errors.title = t('validation.required');
    const starts = fromZonedInput(values.startsAt, zone);
    const ends = fromZonedInput(values.endsAt, zone);
    if (!starts) errors.startsAt = t('validation.dateTime');
    if (!ends) errors.endsAt = t('validation.dateTime');
    if (starts && ends && Date.parse(ends) <= Date.parse(starts)) errors.endsAt = t('agenda.endBeforeStart');
    if (values.capacity.trim() && whole(values.capacity) === null)
      errors.capacity = t('validation.positiveInteger');
    if (values.type === 'site_visit' && !values.capacity.trim())
      errors.capacity = t('agenda.capacityRequired');
    if (values.type === 'b2b') {
      if (whole(values.b2bSlotMinutes) === null) errors.b2bSlotMinutes = t('validation.positiveInteger');
      if (whole(values.b2bTables) === null) errors.b2bTables = t('validation.positiveInteger');
    }
    return errors;
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const errors = validate();
    setFields(errors);
    if (Object.keys(errors).length) {
      setMessage(t('error.form'));
      return;
    }
    const b2b = values.type === 'b2b';
    const body: CreateSessionInput = {
      type: values.type,
      title: values.title.trim(),
      description: values.description,
      startsAt: fromZonedInput(values.startsAt, zone)!,
      endsAt: fromZonedInput(values.endsAt, zone)!,
      room: values.room.trim() || null,
      capacity: whole(values.capacity),
      b2bSlotMinutes: b2b ? whole(values.b2bSlotMinutes) : null,
      b2bTables: b2b ? whole(values.b2bTables) : null,
      people: values.people.map((p) => ({ personId: p.personId, role: p.role })),
    };
    setSaving(true);
    setMessage(undefined);
    try {
      onSaved(
        session
          ? await api.updateSession(draft.eventId, session.id, body)
          : await api.createSession(draft.eventId, body),
      );
    } catch (err) {
      const described = describeError(err, t);
      setFields(described.fields);
      setMessage(described.message);
    } finally {
      setSaving(false);
    }
  }

  const timesHint = t('agenda.timesHint', { zone });
  return (
    <form
      className="card form edit-form agenda-form"
      onSubmit={submit}
      noValidate
      aria-labelledby={headingId}
    >
      <h2 id={headingId}>
        {session ? t('agenda.editSession', { title: session.title }) : t('agenda.addSession')}
      </h2>
      <FormMessage error={message} />
      <p className="field-hint">{timesHint}</p>
      <div className="form-grid">
        <SelectField label={t('agenda.field.type')} name="type" value={values.type} onChange={set('type')}>
          {SESSION_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`agenda.type.${type}` as MessageKey)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('agenda.field.title')}
          name="title"
          value={values.title}
          onChange={set('title')}
          error={fields.title}
          required
        />
        <TextField
          label={t('agenda.field.startsAt')}
          name="startsAt"
          type="datetime-local"
          value={values.startsAt}
          onChange={set('startsAt')}
          error={fields.startsAt}
          required
        />
        <TextField
          label={t('agenda.field.endsAt')}
          name="endsAt"
          type="datetime-local"
          value={values.endsAt}
          onChange={set('endsAt')}
          error={fields.endsAt}
          required
        />
        <TextField
          label={t('agenda.field.room')}
          name="room"
          value={values.room}
          onChange={set('room')}
          error={fields.room}
          optional
        />
        <TextField
          label={t('agenda.field.capacity')}
          name="capacity"
          inputMode="numeric"
          value={values.capacity}
          onChange={set('capacity')}
          error={fields.capacity}
          hint={t('agenda.field.capacityHint')}
          optional={values.type !== 'site_visit'}
        />
        {values.type === 'b2b' && (
          <>
            <TextField
              label={t('agenda.field.b2bSlotMinutes')}
              name="b2bSlotMinutes"
              inputMode="numeric"
              value={values.b2bSlotMinutes}
              onChange={set('b2bSlotMinutes')}
              error={fields.b2bSlotMinutes}
            />
            <TextField
              label={t('agenda.field.b2bTables')}
              name="b2bTables"
              inputMode="numeric"
              value={values.b2bTables}
              onChange={set('b2bTables')}
              error={fields.b2bTables}
            />
          </>
        )}
      </div>
      <TextAreaField
        label={t('agenda.field.description')}
        name="description"
        rows={3}
        value={values.description}
        onChange={set('description')}
        error={fields.description}
        optional
      />
      <AgendaPeoplePicker
        event={draft.eventId}
        value={values.people}
        onChange={(people) => setValues((v) => ({ ...v, people }))}
        defaultRole={DEFAULT_ROLE[values.type] ?? 'speaker'}
        error={Object.entries(fields).find(([k]) => k.startsWith('people'))?.[1]}
      />
      <FormActions
        saving={saving}
        onCancel={onCancel}
        submitLabel={session ? t('common.save') : t('agenda.addSession')}
      />
    </form>
  );
}
