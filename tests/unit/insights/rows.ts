import type { InterviewRow, OpeningRow, TouchpointRow } from '#core/vault/read-models/insight-rows';

/** Small builders for insight rows, so each test states only what matters to it. */
let serial = 0;
export function opening(fields: Partial<OpeningRow> = {}): OpeningRow {
  serial += 1;
  return { id: `o${serial}`, role: `Role ${serial}`, companyName: 'Acme', stage: 'interested', appliedOn: null, stageChangedAt: null, ...fields };
}
export function interview(openingId: string, startsAt: string, round = 1): InterviewRow {
  return { openingId, round, startsAt, endsAt: new Date(Date.parse(startsAt) + 3_600_000).toISOString() };
}
export function touch(openingId: string, occurredAt: string, fields: Partial<TouchpointRow> = {}): TouchpointRow {
  return { openingId, direction: 'inbound', kind: 'other', channel: 'email', occurredAt, contactName: null, ...fields };
}
