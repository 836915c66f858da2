import { useEffect, useState } from 'react';
import { ownAddressesSchema } from '#shared/domain/capture';
import { call } from '#renderer/api';
import { TextAreaField } from '#renderer/ui/Field';
import { messageOf } from '#renderer/ui/message-of';
import { Section } from '#renderer/ui/Section';
import { useToast } from '#renderer/ui/toast';

/** The user's own e-mail addresses: how an imported e-mail is known to be one they sent. Saved on its own, at once. */
export function OwnAddressesSection() {
  const toast = useToast();
  const [text, setText] = useState('');
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    call('capture.settings')
      .then((settings) => {
        setText(settings.ownAddresses.join('\n'));
        setLoaded(true);
      })
      .catch((caught: unknown) => setError(`Your addresses could not be loaded: ${messageOf(caught)}`));
  }, []);

  async function save() {
    const list = text.split(/[\s,;]+/).filter(Boolean);
    const parsed = ownAddressesSchema.safeParse(list);
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? 'Check your addresses.');
    setError(undefined);
    setBusy(true);
    try {
      const saved = await call('capture.saveOwnAddresses', { ownAddresses: parsed.data });
      setText(saved.ownAddresses.join('\n'));
      toast.show(saved.ownAddresses.length === 0 ? 'Your addresses are cleared.' : 'Your addresses are saved.');
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Section title="Your e-mail addresses">
      <TextAreaField
        label="Addresses you write from"
        hint="One per line. An imported e-mail from one of these is one you sent; to one of these, one you received."
        rows={3}
        value={text}
        disabled={!loaded}
        error={error}
        spellCheck={false}
        onChange={(event) => setText(event.target.value)}
      />
      <div className="form-actions">
        <button type="button" className="button" disabled={busy || !loaded} onClick={() => void save()}>
          Save addresses
        </button>
      </div>
    </Section>
  );
}
