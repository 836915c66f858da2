import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { LETTER_KINDS, type LetterKind, type LetterTemplate, type templateSaveSchema } from '#shared/domain/letter';
import { MAX_NOTE_JSON_CHARS, type DocNode } from '#shared/domain/note';
import { withSafeLinks } from '#core/documents/safe-links';
import { AppError } from '#core/errors';
import { BUILT_IN_TEMPLATES } from '#core/letters/templates';
import type { Db } from '../connection';
import { letterTemplatesTable } from '../tables/letters';
import { insertSql, rowDefaults, rowReader, selectList, updateSql } from '../tables/sql';
import { missing } from '../missing';

export type TemplateSave = z.output<typeof templateSaveSchema>;

/** Stored rows, read back by toTemplate. */
type TemplateRow = object;

const COLUMNS_FROM = `${selectList(letterTemplatesTable)} FROM letter_templates lt`;
const toTemplate: (row: TemplateRow) => LetterTemplate = rowReader(letterTemplatesTable);
/** A template the user adds is theirs (not built in), and not the default until they say so. */
const NEW_TEMPLATE = rowDefaults(letterTemplatesTable);

/** The template body as stored: unsafe links dropped, size capped like a note's. */
function storedDoc(doc: DocNode): string {
  const json = JSON.stringify(withSafeLinks(doc));
  if (json.length > MAX_NOTE_JSON_CHARS) {
    throw new AppError('INVALID_INPUT', 'This template is too long to save. Shorten it and try again.', 'doc');
  }
  return json;
}

/**
 * Letter templates. The two built-ins are written on first use (so a vault
 * from before letters gets them too), can be edited and reset but never
 * deleted, and take over as the default whenever a kind would have none.
 */
export function createTemplatesRepository(db: Db) {
  const builtInCount = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM letter_templates WHERE built_in = 1');
  const builtInOf = db.prepare<[string], TemplateRow & { id: string }>(`SELECT ${COLUMNS_FROM} WHERE kind = ? AND built_in = 1`);
  const insert = db.prepare(insertSql(letterTemplatesTable));
  const update = db.prepare(updateSql(letterTemplatesTable));
  const clearDefault = db.prepare('UPDATE letter_templates SET is_default = 0 WHERE kind = ? AND is_default = 1');
  const setDefault = db.prepare('UPDATE letter_templates SET is_default = 1 WHERE id = ?');
  const builtInBecomesDefault = db.prepare(`
    UPDATE letter_templates SET is_default = 1
    WHERE kind = @kind AND built_in = 1 AND NOT EXISTS (SELECT 1 FROM letter_templates WHERE kind = @kind AND is_default = 1)`);
  const byId = db.prepare<[string], TemplateRow>(`SELECT ${COLUMNS_FROM} WHERE id = ?`);
  const defaultOf = db.prepare<[string], TemplateRow>(`SELECT ${COLUMNS_FROM} WHERE kind = ? AND is_default = 1`);
  const all = db.prepare<[], TemplateRow>(`SELECT ${COLUMNS_FROM} ORDER BY kind, built_in DESC, name COLLATE NOCASE, id`);
  const remove = db.prepare('DELETE FROM letter_templates WHERE id = ?');

  /** Checked every time rather than remembered: a rolled-back transaction would make a flag lie. */
  function ensureBuiltIns(now: string): void {
    if (builtInCount.get()!.n === LETTER_KINDS.length) return;
    for (const kind of LETTER_KINDS) {
      if (builtInOf.get(kind)) continue;
      const template = BUILT_IN_TEMPLATES[kind];
      insert.run({ ...NEW_TEMPLATE, id: randomUUID(), kind, name: template.name, subject: template.subject, doc: JSON.stringify(template.doc), builtIn: 1, now });
      builtInBecomesDefault.run({ kind });
    }
  }

  function require(id: string): LetterTemplate {
    const row = byId.get(id);
    if (!row) throw missing('template');
    return toTemplate(row);
  }

  const save = db.transaction((input: TemplateSave, now: string): LetterTemplate => {
    ensureBuiltIns(now);
    const doc = storedDoc(input.doc);
    let id = input.id;
    let wasDefault = false;
    if (id) {
      const current = require(id);
      if (current.kind !== input.kind) {
        throw new AppError('INVALID_INPUT', 'A template cannot change its kind. Save it as a new template instead.', 'kind');
      }
      wasDefault = current.isDefault;
      update.run({ id, name: input.name, subject: input.subject, doc, now });
    } else {
      id = randomUUID();
      insert.run({ ...NEW_TEMPLATE, id, kind: input.kind, name: input.name, subject: input.subject, doc, builtIn: 0, now });
    }
    if (input.isDefault === true) {
      clearDefault.run(input.kind);
      setDefault.run(id);
    } else if (input.isDefault === false && wasDefault) {
      // A kind always has a default: the built-in takes over (or stays, if this is it).
      clearDefault.run(input.kind);
      builtInBecomesDefault.run({ kind: input.kind });
    }
    return require(id);
  });

  const deleteTemplate = db.transaction((id: string, now: string): { id: string } => {
    ensureBuiltIns(now);
    const current = require(id);
    if (current.builtIn) {
      throw new AppError('CONFLICT', 'Built-in templates cannot be deleted. You can change their words, or reset them to the original.');
    }
    remove.run(id);
    builtInBecomesDefault.run({ kind: current.kind });
    return { id };
  });

  const reset = db.transaction((kind: LetterKind, now: string): LetterTemplate => {
    ensureBuiltIns(now);
    const builtIn = builtInOf.get(kind)!;
    const original = BUILT_IN_TEMPLATES[kind];
    update.run({ id: builtIn.id, name: original.name, subject: original.subject, doc: JSON.stringify(original.doc), now });
    return require(builtIn.id);
  });

  return {
    list(now: string): LetterTemplate[] {
      if (builtInCount.get()!.n < LETTER_KINDS.length) db.transaction(() => ensureBuiltIns(now))();
      return all.all().map(toTemplate);
    },
    save,
    delete: deleteTemplate,
    reset,
    /** The template new letters of this kind start from. Call inside a transaction. */
    defaultFor(kind: LetterKind, now: string): LetterTemplate {
      ensureBuiltIns(now);
      builtInBecomesDefault.run({ kind });
      return toTemplate(defaultOf.get(kind)!);
    },
  };
}
export type TemplatesRepository = ReturnType<typeof createTemplatesRepository>;
