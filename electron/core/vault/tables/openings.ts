import { CONTACT_CHANNEL_LABELS, CONTACT_CHANNELS } from '#shared/domain/fields';
import { salaryRange, STAGE_LABELS, STAGES, type Opening, type OpeningPatch } from '#shared/domain/opening';
import { choice, createdAt, currency, date, id, instant, money, reference, text, trashedAt, updatedAt, url } from './column';
import { companiesTable } from './companies';
import type { ExportFormats } from './formats';
import { sameFields, sameKeys, table, type EditableKey, type Row } from './table';

export const openingsTable = table(
  'openings',
  'o',
  {
    id: id(),
    companyId: reference('companyName').editable(),
    role: text().editable(),
    stage: choice(STAGES, STAGE_LABELS).editable(),
    jobUrl: url().nullable().editable(),
    location: text().nullable().editable(),
    salaryMin: money().nullable().editable(),
    salaryMax: money().nullable().editable(),
    salaryCurrency: currency().nullable().editable(),
    source: text().nullable().editable(),
    appliedOn: date().nullable().editable(),
    /** Hiring-process facts, usually learned in an interview. */
    nextStep: text().nullable().editable(),
    notifyBy: date().nullable().editable(),
    fillBy: date().nullable().editable(),
    followUpChannel: choice(CONTACT_CHANNELS, CONTACT_CHANNEL_LABELS).nullable().editable(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    /** When the opening entered its stage: the playbook counts from it. NULL in vaults from before it was kept. */
    stageChangedAt: instant().nullable().notInRow(),
    /** The job posting's text, pasted by the user; read only by the opening's page, never with the pipeline. */
    postingText: text().nullable().notInRow(),
    postingSavedAt: instant().nullable().notInRow(),
    deletedAt: trashedAt(),
  },
  { parents: [{ column: 'companyId', table: () => companiesTable }] },
);

/** The row is the opening the app sees, less the company's name (joined from companies). */
sameFields<Row<typeof openingsTable>, Omit<Opening, 'companyName'>>();
/** What the user may change is what a patch may carry (the company by its name). */
sameKeys<EditableKey<typeof openingsTable>, Exclude<keyof OpeningPatch, 'id' | 'companyName'> | 'companyId'>();

const pounds = new Intl.NumberFormat('en-GB');

export const openingFormats: ExportFormats<typeof openingsTable, { companyName: string }> = {
  csv: {
    companyId: 'Company',
    role: 'Role',
    stage: 'Stage',
    location: 'Location',
    jobUrl: 'Job link',
    source: 'Source',
    appliedOn: 'Applied on',
    salaryMin: 'Salary from',
    salaryMax: 'Salary to',
    salaryCurrency: 'Currency',
    nextStep: 'Next step',
    notifyBy: 'Notify by',
    fillBy: 'Fill by',
    followUpChannel: 'Follow up by',
    createdAt: 'Created (UTC)',
    updatedAt: 'Updated (UTC)',
    id: null,
  },
  frontMatter: {
    id: 'id',
    role: 'role',
    companyId: 'company',
    stage: 'stage',
    location: 'location',
    jobUrl: 'job_link',
    source: 'source',
    appliedOn: 'applied_on',
    salaryMin: 'salary_from',
    salaryMax: 'salary_to',
    salaryCurrency: 'currency',
    nextStep: 'next_step',
    notifyBy: 'notify_by',
    fillBy: 'fill_by',
    followUpChannel: 'follow_up_by',
    createdAt: 'created',
    updatedAt: 'updated',
    stageChangedAt: null,
    postingText: null,
    postingSavedAt: null,
    deletedAt: null,
  },
  prepSheet: {
    role: { label: 'Role', section: 'job' },
    companyId: { label: 'Company', section: 'job' },
    stage: { label: 'Stage', section: 'job' },
    jobUrl: { label: 'Job link', section: 'job' },
    location: { label: 'Location', section: 'job' },
    salaryMin: { label: 'Salary', section: 'job', text: (opening) => salaryRange(opening, pounds) },
    source: { label: 'Source', section: 'job' },
    appliedOn: { label: 'Applied on', section: 'job' },
    nextStep: { label: 'Next step', section: 'process' },
    notifyBy: { label: 'They will let you know by', section: 'process' },
    fillBy: { label: 'They aim to fill the role by', section: 'process' },
    followUpChannel: { label: 'Preferred follow-up channel', section: 'process' },
    salaryMax: null,
    salaryCurrency: null,
    id: null,
    createdAt: null,
    updatedAt: null,
  },
};
