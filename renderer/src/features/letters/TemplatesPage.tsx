import { useCallback, useEffect, useRef, useState } from 'react';
import { LETTER_KIND_LABELS, LETTER_KINDS, TEMPLATE_FIELDS, type LetterTemplate } from '#shared/domain/letter';
import { LIMITS } from '#shared/domain/fields';
import type { DocNode } from '#shared/domain/note';
import { call } from '#renderer/api';
import { RichTextArea } from '#renderer/editor/RichTextArea';
import { SaveIndicator } from '#renderer/editor/SaveIndicator';
import { useRichText, type RichTextDraft } from '#renderer/editor/use-rich-text';
import { Alert } from '#renderer/ui/Alert';
import { ConfirmDialog } from '#renderer/ui/ConfirmDialog';
import { messageOf } from '#renderer/ui/message-of';
import { TextField } from '#renderer/ui/TextField';
import { useToast } from '#renderer/ui/toast';
import { useAsyncData } from '#renderer/ui/useAsyncData';
import './letters.css';

const loadTemplates = () => call('templates.list');

const PLACEHOLDER_HELP: Record<(typeof TEMPLATE_FIELDS)[number], string> = {
  firstName: 'the person’s first name',
  name: 'their full name',
  title: 'their job title',
  role: 'the role you applied for',
  company: 'the company',
  interviewDate: 'the day of the interview',
  myName: 'your name, from Settings',
};

const KIND_PLURAL = { thank_you: 'thank-you notes', rejection: 'replies to a rejection' } as const;

/** The starting words for new letters, one list per kind, each editable. */
export function TemplatesPage() {
  const { data, error, reload } = useAsyncData(loadTemplates);
  const [saved, setSaved] = useState<Record<string, LetterTemplate>>({});
  const [selectedId, setSelectedId] = useState<string>();
  /** Bumped when a template's words are replaced from outside the editor (restored), so the editor starts afresh. */
  const [generation, setGeneration] = useState(0);

  // What the editor saved is newer than the list loaded before it.
  const templates = (data ?? []).map((template) => {
    const mine = saved[template.id];
    return mine && mine.updatedAt >= template.updatedAt && mine.isDefault === template.isDefault ? mine : template;
  });
  const selected = templates.find((template) => template.id === selectedId) ?? templates.find((template) => template.kind === 'thank_you' && template.isDefault) ?? templates[0];

  const remember = useCallback((template: LetterTemplate) => setSaved((previous) => ({ ...previous, [template.id]: template })), []);

  return (
    <section className="page templates-page" aria-labelledby="templates-title">
      <header className="page-header">
        <div>
          <h1 id="templates-title">Templates</h1>
          <p className="subtitle">
            The starting point for each new letter. A template holds prompts in [brackets], short reminders of what to say, which you replace with your own words in every letter.
            Changes apply to letters created from now on.
          </p>
        </div>
      </header>
      {error && <Alert tone="error">The templates could not be loaded: {error}</Alert>}
      {data === undefined ? (
        !error && (
          <p className="muted" role="status">
            Loading the templates…
          </p>
        )
      ) : (
        <div className="templates-layout">
          <nav className="template-nav" aria-label="Templates">
            {LETTER_KINDS.map((kind) => (
              <div key={kind}>
                <h2>{LETTER_KIND_LABELS[kind]}</h2>
                <ul>
                  {templates
                    .filter((template) => template.kind === kind)
                    .map((template) => (
                      <li key={template.id}>
                        <button type="button" className="template-choice" aria-current={template.id === selected?.id ? 'true' : undefined} onClick={() => setSelectedId(template.id)}>
                          <span>{template.name}</span>
                          {template.isDefault && <span className="badge">Default</span>}
                        </button>
                      </li>
                    ))}
                </ul>
              </div>
            ))}
          </nav>
          <div className="letter-side">
            {selected ? (
              <TemplateEditor
                key={`${selected.id}:${generation}`}
                template={selected}
                onSaved={remember}
                onCreated={(created) => {
                  remember(created);
                  setSelectedId(created.id);
                  reload();
                }}
                onReplaced={(restored) => {
                  remember(restored);
                  setSelectedId(restored.id);
                  setGeneration((value) => value + 1);
                  reload();
                }}
                onDefaultChanged={(updated) => {
                  remember(updated);
                  reload();
                }}
                onDeleted={() => {
                  setSelectedId(undefined);
                  reload();
                }}
              />
            ) : (
              <p className="muted">No templates yet.</p>
            )}
            <section className="panel" aria-labelledby="placeholders-title">
              <h2 id="placeholders-title">Placeholders</h2>
              <p className="field-hint">Written in double braces, they are filled in when a letter is created from the template:</p>
              <dl className="placeholders">
                {TEMPLATE_FIELDS.map((field) => (
                  <div key={field} className="placeholder-row">
                    <dt>
                      <code>{`{{${field}}}`}</code>
                    </dt>
                    <dd>{PLACEHOLDER_HELP[field]}</dd>
                  </div>
                ))}
              </dl>
            </section>
          </div>
        </div>
      )}
    </section>
  );
}

interface TemplateEditorProps {
  template: LetterTemplate;
  onSaved(template: LetterTemplate): void;
  onCreated(template: LetterTemplate): void;
  onReplaced(template: LetterTemplate): void;
  onDefaultChanged(template: LetterTemplate): void;
  onDeleted(): void;
}

type Fields = { name: string; subject: string };

function TemplateEditor({ template, onSaved, onCreated, onReplaced, onDefaultChanged, onDeleted }: TemplateEditorProps) {
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState<'restore' | 'delete'>();
  // Autosave must keep the default flag as it is now, not as it was when the editor opened.
  const isDefault = useRef(template.isDefault);
  useEffect(() => {
    isDefault.current = template.isDefault;
  }, [template.isDefault]);
  const onSavedRef = useRef(onSaved);
  useEffect(() => {
    onSavedRef.current = onSaved;
  }, [onSaved]);

  const save = useCallback(
    async ({ fields, doc }: RichTextDraft<Fields>) => {
      const saved = await call('templates.save', { id: template.id, kind: template.kind, name: fields.name, subject: fields.subject, doc: doc.toJSON() as DocNode, isDefault: isDefault.current });
      onSavedRef.current(saved);
    },
    [template.id, template.kind],
  );
  const { editor, readable, status, fields, setField, flush, onKeyDown } = useRichText<Fields>({
    saveKey: `template:${template.id}`,
    doc: template.doc,
    fields: { name: template.name, subject: template.subject },
    save,
    label: 'Template text',
    placeholder: 'Write the prompts for this kind of letter…',
  });

  async function act(what: string, action: () => Promise<void>) {
    setBusy(true);
    try {
      await flush();
      await action();
    } catch (caught) {
      toast.show(`Could not ${what}: ${messageOf(caught)}`, { tone: 'error' });
    } finally {
      setBusy(false);
    }
  }

  const current = () => ({ kind: template.kind, name: fields.name, subject: fields.subject, doc: (editor?.getJSON() ?? template.doc) as DocNode });

  const makeDefault = () =>
    act('make it the default', async () => {
      const updated = await call('templates.save', { id: template.id, ...current(), isDefault: true });
      isDefault.current = true;
      onDefaultChanged(updated);
      toast.show(`New ${KIND_PLURAL[template.kind]} will start from “${updated.name}”.`);
    });

  const duplicate = () =>
    act('copy the template', async () => {
      const created = await call('templates.save', { ...current(), name: `${fields.name.trim() || 'Template'} (copy)`.slice(0, LIMITS.name), isDefault: false });
      onCreated(created);
      toast.show(`“${created.name}” is ready to edit.`);
    });

  const restore = () =>
    act('restore the original words', async () => {
      setConfirming(undefined);
      const restored = await call('templates.reset', { kind: template.kind });
      onReplaced(restored);
      toast.show('The original words are back.');
    });

  const remove = () =>
    act('delete the template', async () => {
      setConfirming(undefined);
      await call('templates.delete', { id: template.id });
      onDeleted();
      toast.show(`“${fields.name}” is deleted.`);
    });

  return (
    <section className="panel note-editor template-editor" aria-label={`Template: ${fields.name || 'untitled'}`} onKeyDown={onKeyDown}>
      <div className="section-header">
        <p className="muted">
          {LETTER_KIND_LABELS[template.kind]}
          {template.builtIn ? ' · comes with Afterview' : ''}
          {template.isDefault ? ` · used for new ${KIND_PLURAL[template.kind]}` : ''}
        </p>
        <SaveIndicator status={status} />
      </div>
      <div className="template-fields">
        <TextField label="Name" value={fields.name} maxLength={LIMITS.name} disabled={!readable} onChange={(event) => setField('name', event.target.value)} onBlur={() => void flush()} />
        <TextField label="Subject" value={fields.subject} maxLength={LIMITS.name} disabled={!readable} onChange={(event) => setField('subject', event.target.value)} onBlur={() => void flush()} />
      </div>
      {editor && <RichTextArea editor={editor} readable={readable} what="template" />}
      <div className="template-actions">
        <button type="button" className="button primary" disabled={busy} onClick={() => void act('save', async () => toast.show('Template saved.'))}>
          Save
        </button>
        {!template.isDefault && (
          <button type="button" className="button" disabled={busy} onClick={() => void makeDefault()}>
            Make default
          </button>
        )}
        <button type="button" className="button" disabled={busy || !editor} onClick={() => void duplicate()}>
          New from this template
        </button>
        {template.builtIn ? (
          <button type="button" className="button quiet" disabled={busy} onClick={() => setConfirming('restore')}>
            Restore original words…
          </button>
        ) : (
          <button
            type="button"
            className="button quiet danger-text"
            disabled={busy || template.isDefault}
            title={template.isDefault ? 'Make another template the default first.' : undefined}
            onClick={() => setConfirming('delete')}
          >
            Delete…
          </button>
        )}
      </div>
      <ConfirmDialog open={confirming === 'restore'} title="Restore the original words?" confirmLabel="Restore" onConfirm={() => void restore()} onCancel={() => setConfirming(undefined)}>
        Your changes to “{fields.name}” are replaced by the words Afterview came with. Letters already written keep theirs.
      </ConfirmDialog>
      <ConfirmDialog open={confirming === 'delete'} title="Delete this template?" confirmLabel="Delete" danger onConfirm={() => void remove()} onCancel={() => setConfirming(undefined)}>
        “{fields.name}” is removed for good. Letters already written from it keep their words.
      </ConfirmDialog>
    </section>
  );
}
