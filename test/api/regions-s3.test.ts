import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type TestApp, testApp } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';

interface Priority {
  id: string;
  title: string;
  description: string;
  ecosystems: string[];
  nace: { code: string; nameEn: string }[];
  sourceUrl: string | null;
  position: number;
  updatedBy: { name: string } | null;
}

for (const backend of backends()) {
  describe(`region editors and S3 priorities (${backend})`, () => {
    let t: TestApp;
    let admin: { id: string; cookie: string };
    let editor: { id: string; email: string; cookie: string };
    let outsider: { id: string; email: string; cookie: string };
    const base = '/api/v1/regions/ITC4';
    const list = async (cookie?: string) => {
      const res = await t.request({
        method: 'GET',
        url: `${base}/s3-priorities`,
        ...(cookie ? { cookie } : {}),
      });
      assert.equal(res.statusCode, 200, res.body);
      return res.json() as { items: Priority[]; canEdit: boolean; canManageEditors: boolean };
    };
    const create = (payload: object, cookie = editor.cookie, url = `${base}/s3-priorities`) =>
      t.request({ method: 'POST', url, cookie, payload });

    before(async () => {
      t = await testApp(backend);
      admin = await t.user({ admin: true, name: 'Platform Admin' });
      editor = await t.user({ name: 'Lombardy Editor' });
      outsider = await t.user({ name: 'Someone Else' });
    });
    after(() => t.close());

    test('administrators name editors; nobody else may, and editors are listed to administrators only', async () => {
      const grant = (cookie: string | undefined, email: string) =>
        t.request({
          method: 'POST',
          url: `${base}/editors`,
          payload: { email },
          ...(cookie ? { cookie } : {}),
        });
      assert.equal((await grant(undefined, editor.email)).statusCode, 401);
      assert.equal((await grant(outsider.cookie, outsider.email)).statusCode, 403);
      const res = await grant(admin.cookie, editor.email.toUpperCase());
      assert.equal(res.statusCode, 201, res.body);
      assert.equal(res.json().userId, editor.id);
      assert.equal(res.json().grantedBy.name, 'Platform Admin');
      // Granting again keeps the one grant.
      assert.equal((await grant(admin.cookie, editor.email)).statusCode, 201);
      const listed = await t.request({ method: 'GET', url: `${base}/editors`, cookie: admin.cookie });
      assert.equal(listed.statusCode, 200);
      assert.deepEqual(
        listed.json().items.map((e: { userId: string }) => e.userId),
        [editor.id],
      );
      assert.equal((await t.request({ method: 'GET', url: `${base}/editors` })).statusCode, 401);
      assert.equal(
        (await t.request({ method: 'GET', url: `${base}/editors`, cookie: editor.cookie })).statusCode,
        403,
        'editors do not see who else edits',
      );
      const unknown = await grant(admin.cookie, 'nobody-here@example.org');
      assert.equal(unknown.statusCode, 400);
      assert.match(unknown.json().error.details.fields[0].message, /No account/);
      assert.equal((await grant(admin.cookie, 'not an address')).statusCode, 400);
      const noRegion = await t.request({
        method: 'POST',
        url: '/api/v1/regions/ZZ99/editors',
        cookie: admin.cookie,
        payload: { email: editor.email },
      });
      assert.equal(noRegion.statusCode, 404);
    });

    test('anyone reads the priorities; canEdit tells editors and administrators apart', async () => {
      const anonymous = await list();
      assert.deepEqual(anonymous.items, []);
      assert.equal(anonymous.canEdit, false);
      assert.equal((await list(outsider.cookie)).canEdit, false);
      assert.equal((await list(editor.cookie)).canEdit, true);
      assert.equal((await list(editor.cookie)).canManageEditors, false);
      assert.equal((await list(admin.cookie)).canManageEditors, true);
    });

    test('an editor adds, changes, reorders and removes priorities', async () => {
      const first = await create({
        title: 'Advanced manufacturing',
        description: 'First paragraph.\r\n\r\nSecond paragraph.',
        ecosystems: ['electronics', 'digital'],
        naceCodes: ['C', '28.4'],
        sourceUrl: 'https://example.org/s3',
      });
      assert.equal(first.statusCode, 201, first.body);
      const p = first.json() as Priority;
      assert.equal(p.description, 'First paragraph.\n\nSecond paragraph.');
      assert.deepEqual(
        p.nace.map((n) => n.code),
        ['C', '28.4'],
      );
      assert.ok(p.nace[0]!.nameEn.length > 3, 'NACE names come from the classification');
      assert.equal(p.updatedBy?.name, 'Lombardy Editor');
      const second = await create({ title: 'Life sciences' }, admin.cookie);
      assert.equal(second.statusCode, 201, second.body);
      assert.equal(second.json().position, p.position + 1, 'appended at the end');

      const patched = await t.request({
        method: 'PATCH',
        url: `${base}/s3-priorities/${second.json().id}`,
        cookie: editor.cookie,
        payload: { position: 0, sourceUrl: '' },
      });
      assert.equal(patched.statusCode, 200, patched.body);
      assert.equal(patched.json().sourceUrl, null);
      const patchedFirst = await t.request({
        method: 'PATCH',
        url: `${base}/s3-priorities/${p.id}`,
        cookie: editor.cookie,
        payload: { position: 1 },
      });
      assert.equal(patchedFirst.statusCode, 200);
      assert.deepEqual(
        (await list()).items.map((x) => x.title),
        ['Life sciences', 'Advanced manufacturing'],
      );

      const removed = await t.request({
        method: 'DELETE',
        url: `${base}/s3-priorities/${second.json().id}`,
        cookie: editor.cookie,
      });
      assert.equal(removed.statusCode, 204);
      assert.deepEqual(
        (await list()).items.map((x) => x.title),
        ['Advanced manufacturing'],
      );
      const again = await t.request({
        method: 'DELETE',
        url: `${base}/s3-priorities/${second.json().id}`,
        cookie: editor.cookie,
      });
      assert.equal(again.statusCode, 404);
    });

    test('non-editors are refused: 401 anonymous, 403 signed in, also on another region for an editor', async () => {
      assert.equal(
        (await t.request({ method: 'POST', url: `${base}/s3-priorities`, payload: { title: 'x' } }))
          .statusCode,
        401,
      );
      const refused = await create({ title: 'x' }, outsider.cookie);
      assert.equal(refused.statusCode, 403);
      assert.equal(refused.json().error.code, 'forbidden');
      assert.equal(
        (await create({ title: 'x' }, editor.cookie, '/api/v1/regions/ES52/s3-priorities')).statusCode,
        403,
      );
      assert.equal(
        (await create({ title: 'x' }, editor.cookie, '/api/v1/regions/ITC/s3-priorities')).statusCode,
        403,
      );
      const [p] = (await list()).items;
      const patch = await t.request({
        method: 'PATCH',
        url: `${base}/s3-priorities/${p!.id}`,
        cookie: outsider.cookie,
        payload: { title: 'Hijacked' },
      });
      assert.equal(patch.statusCode, 403);
      const del = await t.request({
        method: 'DELETE',
        url: `${base}/s3-priorities/${p!.id}`,
        cookie: outsider.cookie,
      });
      assert.equal(del.statusCode, 403);
      // The priority of one region is not reachable through another's URL.
      const cross = await t.request({
        method: 'PATCH',
        url: `/api/v1/regions/ES52/s3-priorities/${p!.id}`,
        cookie: admin.cookie,
        payload: { title: 'Moved' },
      });
      assert.equal(cross.statusCode, 404);
    });

    test('invalid input answers 400 with a message per field', async () => {
      const cases: [object, string, RegExp][] = [
        [{}, 'body.title', /./],
        [{ title: '   ' }, 'body.title', /Enter a title/],
        [{ title: 'x'.repeat(201) }, 'body.title', /200/],
        [{ title: 'T', description: '<p>Hi</p>' }, 'body.description', /Plain text only/],
        [{ title: 'T', ecosystems: ['space'] }, 'body.ecosystems.0', /One of/],
        [{ title: 'T', ecosystems: ['digital', 'digital'] }, 'body.ecosystems', /once/],
        [{ title: 'T', naceCodes: ['28.999'] }, 'body.naceCodes.0', /NACE code/],
        [{ title: 'T', naceCodes: ['99.99'] }, 'body.naceCodes', /Unknown NACE/],
        [{ title: 'T', sourceUrl: 'javascript:alert(1)' }, 'body.sourceUrl', /http/],
      ];
      for (const [payload, field, message] of cases) {
        const res = await create(payload);
        assert.equal(res.statusCode, 400, `${JSON.stringify(payload)}: ${res.body}`);
        const fields = res.json().error.details.fields as { field: string; message: string }[];
        const hit = fields.find((f) => f.field === field);
        assert.ok(hit, `${JSON.stringify(payload)}: ${JSON.stringify(fields)}`);
        assert.match(hit.message, message);
      }
      const [p] = (await list()).items;
      const empty = await t.request({
        method: 'PATCH',
        url: `${base}/s3-priorities/${p!.id}`,
        cookie: editor.cookie,
        payload: {},
      });
      assert.equal(empty.statusCode, 400);
    });

    test('revoking an editor takes the right away', async () => {
      const res = await t.request({
        method: 'DELETE',
        url: `${base}/editors/${editor.id}`,
        cookie: admin.cookie,
      });
      assert.equal(res.statusCode, 204);
      assert.equal((await create({ title: 'After revoke' })).statusCode, 403);
      assert.equal((await list(editor.cookie)).canEdit, false);
      const again = await t.request({
        method: 'DELETE',
        url: `${base}/editors/${editor.id}`,
        cookie: admin.cookie,
      });
      assert.equal(again.statusCode, 404);
      const byEditor = await t.request({
        method: 'DELETE',
        url: `${base}/editors/${admin.id}`,
        cookie: editor.cookie,
      });
      assert.equal(byEditor.statusCode, 403);
    });
  });
}
