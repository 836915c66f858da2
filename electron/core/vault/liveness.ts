/**
 * SQL conditions deciding whether a row is visible: neither it nor a parent is
 * in the trash. Interviews and notes of a deleted opening are hidden without
 * being marked, so restoring the opening brings them back as they were.
 */

export function liveInterview(alias: string): string {
  return `(${alias}.deleted_at IS NULL AND EXISTS (
    SELECT 1 FROM openings live_o WHERE live_o.id = ${alias}.opening_id AND live_o.deleted_at IS NULL))`;
}

/** The note's parent exists and is visible. Companies cannot be deleted. */
export function liveNoteParent(alias: string): string {
  return `(CASE ${alias}.parent_type
    WHEN 'opening' THEN EXISTS (SELECT 1 FROM openings p WHERE p.id = ${alias}.parent_id AND p.deleted_at IS NULL)
    WHEN 'interview' THEN EXISTS (SELECT 1 FROM interviews p WHERE p.id = ${alias}.parent_id AND ${liveInterview('p')})
    WHEN 'company' THEN EXISTS (SELECT 1 FROM companies p WHERE p.id = ${alias}.parent_id)
    WHEN 'contact' THEN EXISTS (SELECT 1 FROM contacts p WHERE p.id = ${alias}.parent_id AND p.deleted_at IS NULL)
    ELSE 0 END)`;
}

export function liveNote(alias: string): string {
  return `(${alias}.deleted_at IS NULL AND ${liveNoteParent(alias)})`;
}

/** A letter is visible while neither it, its opening nor its interview is in the trash. */
export function liveLetter(alias: string): string {
  return `(${alias}.deleted_at IS NULL
    AND EXISTS (SELECT 1 FROM openings live_o WHERE live_o.id = ${alias}.opening_id AND live_o.deleted_at IS NULL)
    AND (${alias}.interview_id IS NULL OR EXISTS (
      SELECT 1 FROM interviews live_i WHERE live_i.id = ${alias}.interview_id AND live_i.deleted_at IS NULL)))`;
}
