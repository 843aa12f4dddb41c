import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runScheduleCommand } from './schedule.ts';

function capture() {
  let text = '';
  return {
    stream: {
      write: (s: string) => {
        text += s;
        return true;
      },
    },
    text: () => text,
  };
}

test('schedule prints a solution for a valid instance', () => {
  const out = capture();
  const err = capture();
  const code = runScheduleCommand(
    {
      slots: [{ id: 's1', start: '2024-03-27T09:00:00Z', end: '2024-03-27T09:30:00Z', tables: 1 }],
      participants: [
        { id: 'a', unavailable: [] },
        { id: 'b', unavailable: [] },
      ],
      meetings: [{ id: 'm1', participants: ['a', 'b'] }],
    },
    out.stream,
    err.stream,
  );
  assert.equal(code, 0);
  const solution = JSON.parse(out.text());
  assert.deepEqual(solution.assignments, [{ meeting: 'm1', slot: 's1', table: 1 }]);
  assert.equal(err.text(), '');
});

test('schedule exits with 2 and names the problem for an invalid instance', () => {
  const out = capture();
  const err = capture();
  const code = runScheduleCommand(
    {
      slots: [],
      participants: [{ id: 'a', unavailable: [] }],
      meetings: [{ id: 'm1', participants: ['a', 'zz'] }],
    },
    out.stream,
    err.stream,
  );
  assert.equal(code, 2);
  assert.match(err.text(), /zz/);
  assert.equal(out.text(), '');
});
