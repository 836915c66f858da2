import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Printer } from '#core/export/printer';
import { createFactsLoader } from '#core/vault/read-models/playbook-facts';
import { createReminderService } from '#core/reminders/service';
import { createSettingsRepository } from '#core/settings/repository';
import { DEFAULT_SETTINGS } from '#shared/domain/settings';
import { coreHarness, type CoreHarness } from '#support/core-harness';
import { unzipEntry } from '#support/unzip';

const DAY = 86_400_000;
const slot = { startsAt: '2026-03-05T09:00:00.000Z', endsAt: '2026-03-05T10:00:00.000Z', timeZone: 'UTC', format: 'video' as const };

let core: CoreHarness;
const printed: string[] = [];
const fakePrinter: Printer = {
  pdf: async (html) => {
    printed.push(html);
    return Buffer.from('%PDF-1.7 fake');
  },
  close: async () => undefined,
};

beforeEach(() => {
  core = coreHarness('2026-03-02T09:00:00.000Z', { printer: fakePrinter });
  createSettingsRepository(core.vault.db).save({ ...DEFAULT_SETTINGS, profile: { name: 'Sam Taylor', address: '' } });
  printed.length = 0;
});
afterEach(() => core.cleanup());

const row = (sql: string, ...params: unknown[]) => core.vault.db.prepare(sql).get(...params) as Record<string, unknown>;

async function interviewingOpening() {
  return core.call('openings.create', { companyName: 'Northwind', role: 'Data Analyst', stage: 'interviewing' });
}

/** The plan as a fresh reminder service reads it (the harness has no afterWrite to re-plan). */
async function agendaKinds(): Promise<string[]> {
  const agenda = createReminderService({ db: core.vault.db, now: core.clock.now }).agenda();
  return [...agenda.overdue, ...agenda.today, ...agenda.week].map((item) => item.key);
}

describe('references', () => {
  it('creates, lists and edits a reference; a permission change stamps when it was asked and answered', async () => {
    const created = await core.call('references.create', { name: 'Dana Lee', relationship: 'Former manager', email: 'dana@example.com' });
    expect(created).toMatchObject({ name: 'Dana Lee', permission: 'not_asked', askedAt: null, answeredAt: null, uses: [] });

    core.clock.advance(DAY);
    const asked = await core.call('references.update', { id: created.id, permission: 'asked' });
    expect(asked).toMatchObject({ permission: 'asked', askedAt: '2026-03-03T09:00:00.000Z', answeredAt: null, relationship: 'Former manager' });

    core.clock.advance(DAY);
    const granted = await core.call('references.update', { id: created.id, permission: 'granted', phone: '+44 20 7946 0000' });
    expect(granted).toMatchObject({ permission: 'granted', askedAt: '2026-03-03T09:00:00.000Z', answeredAt: '2026-03-04T09:00:00.000Z', phone: '+44 20 7946 0000' });

    // Editing other fields leaves the stamps alone.
    core.clock.advance(DAY);
    const renamed = await core.call('references.update', { id: created.id, name: 'Dana Lee-Park' });
    expect(renamed).toMatchObject({ askedAt: '2026-03-03T09:00:00.000Z', answeredAt: '2026-03-04T09:00:00.000Z', email: 'dana@example.com' });

    // Granted straight away: asked and answered at once.
    const direct = await core.call('references.create', { name: 'Ari Moss', permission: 'granted' });
    expect(direct.askedAt).toBe(direct.answeredAt);
    expect((await core.call('references.list', undefined)).map((reference) => reference.name)).toEqual(['Ari Moss', 'Dana Lee-Park']);

    const back = await core.call('references.update', { id: created.id, permission: 'not_asked' });
    expect(back).toMatchObject({ askedAt: null, answeredAt: null });
  });

  it('goes to the trash and comes back with its openings', async () => {
    const opening = await interviewingOpening();
    const reference = await core.call('references.create', { name: 'Dana Lee', permission: 'granted' });
    await core.call('references.attach', { openingId: opening.id, referenceId: reference.id });
    await core.call('references.delete', { id: reference.id });
    expect(await core.call('references.list', undefined)).toEqual([]);
    expect((await core.call('trash.list', undefined)).map((item) => [item.kind, item.title])).toEqual([['reference', 'Dana Lee']]);
    await core.call('trash.restore', { kind: 'reference', id: reference.id });
    expect((await core.call('references.get', { id: reference.id })).uses.map((use) => use.openingId)).toEqual([opening.id]);
  });

  it('attaching drafts the brief from the built-in template; the brief saves, is sent once and logs a touchpoint', async () => {
    const opening = await interviewingOpening();
    const reference = await core.call('references.create', { name: 'Dana Lee', permission: 'granted', email: 'dana@example.com' });
    const link = { openingId: opening.id, referenceId: reference.id };
    const use = await core.call('references.attach', link);
    expect(use).toMatchObject({ role: 'Data Analyst', companyName: 'Northwind', stage: 'interviewing', briefedAt: null, thankedAt: null, briefRevision: 0 });
    // Attaching twice keeps the first brief.
    await core.call('references.attach', link);

    const brief = await core.call('references.brief.get', link);
    expect(brief.subject).toBe('Reference for the Data Analyst role at Northwind');
    expect(brief.plainText).toContain('Hi Dana,');
    expect(brief.plainText).toContain('Data Analyst');
    expect(brief.plainText).toContain('Sam Taylor');
    expect(brief.plainText).toMatch(/Who may call/);

    const saved = await core.call('references.brief.save', { ...link, doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Mention the churn model.' }] }] } });
    expect(saved.revision).toBe(1);
    expect((await core.call('references.brief.get', link)).plainText).toBe('Mention the churn model.');

    const sent = await core.call('references.brief.markSent', { ...link, channel: 'email' });
    expect(sent).toMatchObject({ briefedAt: '2026-03-02T09:00:00.000Z', briefChannel: 'email' });
    expect(row("SELECT kind, channel, direction, opening_id AS openingId, summary FROM touchpoints WHERE kind = 'reference_brief'")).toEqual({
      kind: 'reference_brief', channel: 'email', direction: 'outbound', openingId: opening.id, summary: 'Reference brief to Dana Lee',
    });
    expect((await core.fail('references.brief.markSent', { ...link, channel: 'email' })).code).toBe('CONFLICT');

    const thanked = await core.call('references.brief.markThanked', { ...link, thanked: true });
    expect(thanked.thankedAt).toBe('2026-03-02T09:00:00.000Z');
    expect((await core.call('references.list', { openingId: opening.id })).map((reference) => reference.name)).toEqual(['Dana Lee']);

    await core.call('references.detach', link);
    expect((await core.call('references.get', { id: reference.id })).uses).toEqual([]);
    expect((await core.fail('references.brief.get', link)).code).toBe('NOT_FOUND');
  });

  it('exports the brief as PDF through the printer, as a Word document and as Markdown', async () => {
    const opening = await interviewingOpening();
    const reference = await core.call('references.create', { name: 'Dana Lee', permission: 'granted' });
    const link = { openingId: opening.id, referenceId: reference.id };
    await core.call('references.attach', link);
    await core.call('references.brief.save', {
      ...link,
      doc: {
        type: 'doc',
        content: [
          { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'What to stress' }] },
          { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'The churn model', marks: [{ type: 'bold' }] }] }] }] },
          { type: 'orderedList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'First' }] }] }] },
          { type: 'paragraph', content: [{ type: 'text', text: 'our site', marks: [{ type: 'link', attrs: { href: 'https://example.com/team' } }] }, { type: 'text', text: ' and ' }, { type: 'text', text: 'more', marks: [{ type: 'italic' }] }] },
        ],
      },
    });

    const pdf = await core.call('references.brief.export', { ...link, format: 'pdf' });
    expect(pdf).toMatchObject({ fileName: 'Reference brief - Dana Lee - Northwind.pdf', mimeType: 'application/pdf' });
    expect(Buffer.from(pdf.dataBase64, 'base64').toString()).toMatch(/^%PDF/);
    expect(printed[0]).toContain('<h2>What to stress</h2>');
    expect(printed[0]).toContain('For Dana Lee');

    const docx = await core.call('references.brief.export', { ...link, format: 'docx' });
    expect(docx.fileName).toBe('Reference brief - Dana Lee - Northwind.docx');
    const bytes = Buffer.from(docx.dataBase64, 'base64');
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    const xml = unzipEntry(bytes, 'word/document.xml');
    expect(xml).toContain('What to stress');
    expect(xml).toContain('Heading2');
    expect(xml).toContain('<w:b/>');
    expect(xml).toContain('<w:i/>');
    expect(xml).toContain('w:numPr');
    expect(xml).toContain('w:hyperlink');
    expect(unzipEntry(bytes, 'word/_rels/document.xml.rels')).toContain('https://example.com/team');

    const markdown = await core.call('references.brief.export', { ...link, format: 'markdown' });
    expect(markdown.mimeType).toBe('text/markdown');
    expect(Buffer.from(markdown.dataBase64, 'base64').toString('utf8')).toBe(
      '# Reference for the Data Analyst role at Northwind\n\n*For Dana Lee*\n\n## What to stress\n\n- **The churn model**\n\n1. First\n\n[our site](https://example.com/team) and *more*\n',
    );
  });
});

describe('references in the plan', () => {
  it('gives the facts loader one row per opening and reference, and the rules warn, ask for briefs and for thanks', async () => {
    const opening = await interviewingOpening();
    const dana = await core.call('references.create', { name: 'Dana Lee', permission: 'granted' });
    const ari = await core.call('references.create', { name: 'Ari Moss', permission: 'asked' });
    await core.call('references.attach', { openingId: opening.id, referenceId: dana.id });
    await core.call('references.attach', { openingId: opening.id, referenceId: ari.id });

    expect(createFactsLoader(core.vault.db)().references).toEqual([
      { referenceId: ari.id, name: 'Ari Moss', openingId: opening.id, permission: 'asked', briefedAt: null, thankedAt: null },
      { referenceId: dana.id, name: 'Dana Lee', openingId: opening.id, permission: 'granted', briefedAt: null, thankedAt: null },
    ]);
    expect(await agendaKinds()).toContain(`references_low:${opening.id}`);

    await core.call('interviews.create', { openingId: opening.id, ...slot });
    expect(await agendaKinds()).toContain(`reference_brief:${dana.id}:${opening.id}`);
    await core.call('references.brief.markSent', { openingId: opening.id, referenceId: dana.id, channel: 'email' });
    expect(await agendaKinds()).not.toContain(`reference_brief:${dana.id}:${opening.id}`);

    await core.call('references.update', { id: ari.id, permission: 'granted' });
    expect(await agendaKinds()).not.toContain(`references_low:${opening.id}`);

    await core.call('openings.recordOutcome', { openingId: opening.id, outcome: 'rejected' });
    expect(await agendaKinds()).toContain(`reference_thanks:${dana.id}:${opening.id}`);

    // A reference in the trash is no fact.
    await core.call('references.delete', { id: ari.id });
    expect(createFactsLoader(core.vault.db)().references.map((reference) => reference.name)).toEqual(['Dana Lee']);
  });
});
