/** Requests the command palette makes of an opening's page, in its address ("#/openings/<id>?log=interview"). */
export const LOG_INTERVIEW_INTENT = 'log=interview';
export const PREP_SHEET_INTENT = 'export=prep-sheet';

export const openingPath = (id: string) => `/openings/${id}`;
