import { randomUUID } from 'node:crypto';
import { MAX_CARD_BYTES, type Card } from '#shared/domain/contact';
import { AppError } from '#core/errors';
import type { AttachmentStore } from '../attachments';
import type { Db } from '../connection';
import { cardsTable, contactsTable } from '../tables/contacts';
import { live, notTrashed } from '../tables/live';
import { insertSql, selectList } from '../tables/sql';
import { extensionFor, isImageOfType, type ImageMimeType } from '../image-signature';
import { missing } from '../missing';

export interface NewCard {
  contactId: string;
  fileName: string;
  mimeType: ImageMimeType;
  dataBase64: string;
}

const CARD_COLUMNS = selectList(cardsTable);
/** Cards the app shows: not in the trash, of a contact not in the trash. */
const OF_LIVE_CONTACTS = `FROM cards k JOIN contacts p ON p.id = k.contact_id WHERE ${live(cardsTable, 'k', { contactId: 'p' })}`;

/** Only the last part of what the user picked: it is shown, never used as a path. */
function displayName(fileName: string): string {
  return fileName.split(/[\\/]/).filter(Boolean).pop() ?? 'Business card';
}

/** Business-card photos: a row per card, the image in the attachments folder named by the card's id. */
export function createCardsRepository(db: Db, attachments: AttachmentStore) {
  const contactIsLive = db.prepare<[string], { id: string }>(`SELECT p.id FROM contacts p WHERE p.id = ? AND ${live(contactsTable)}`);
  const insert = db.prepare(insertSql(cardsTable, { values: { fileName: '@fileName' } }));
  // The file's name is the vault's own: read to open the photo, never handed out.
  const byId = db.prepare<[string], Card & { fileName: string }>(`SELECT ${selectList(cardsTable, 'k', [...cardsTable.rowKeys(), 'fileName'])} ${OF_LIVE_CONTACTS} AND k.id = ?`);
  const ofContact = db.prepare<[string], Card>(`SELECT ${CARD_COLUMNS} ${OF_LIVE_CONTACTS} AND k.contact_id = ? ORDER BY k.created_at, k.id`);
  const moveToTrash = db.prepare(`UPDATE cards AS k SET deleted_at = ? WHERE k.id = ? AND ${notTrashed(cardsTable)}`);

  const insertRow = db.transaction((row: Omit<Card, 'createdAt'> & { fileName: string }, now: string) => {
    if (!contactIsLive.get(row.contactId)) throw missing('contact');
    insert.run({ ...row, now });
  });

  function add(input: NewCard, now: string): Card {
    if (!contactIsLive.get(input.contactId)) throw missing('contact');
    const bytes = Buffer.from(input.dataBase64, 'base64');
    if (bytes.length === 0) throw new AppError('INVALID_INPUT', 'The image is empty.', 'dataBase64');
    if (bytes.length > MAX_CARD_BYTES) throw new AppError('INVALID_INPUT', 'The image is larger than 5 MB.', 'dataBase64');
    if (!isImageOfType(bytes, input.mimeType)) {
      throw new AppError('INVALID_INPUT', 'That file is not a PNG, JPEG or WebP image.', 'dataBase64');
    }
    const id = randomUUID();
    const fileName = `${id}.${extensionFor(input.mimeType)}`;
    const card = { id, contactId: input.contactId, originalName: displayName(input.fileName), mimeType: input.mimeType, size: bytes.length };
    // The file is on disk before the row names it; a failed insert leaves no orphan.
    attachments.writeDurably(fileName, bytes);
    try {
      insertRow({ ...card, fileName }, now);
    } catch (error) {
      attachments.remove(fileName);
      throw error;
    }
    return { ...card, createdAt: now };
  }

  function read(id: string): { mimeType: ImageMimeType; dataBase64: string } {
    const card = byId.get(id);
    if (!card) throw missing('card');
    const bytes = attachments.read(card.fileName);
    if (!bytes) {
      throw new AppError('NOT_FOUND', "This business card's photo is missing from the vault's attachments folder. Delete the card and add the photo again.");
    }
    return { mimeType: card.mimeType, dataBase64: bytes.toString('base64') };
  }

  const trashCard = db.transaction((id: string, now: string) => {
    if (!byId.get(id)) throw missing('card');
    moveToTrash.run(now, id);
  });

  return {
    add,
    read,
    /** Moves the card to the trash; its photo stays on disk until the trash is emptied. */
    delete(id: string, now: string): { id: string } {
      trashCard(id, now);
      return { id };
    },
    listOfContact: (contactId: string): Card[] => ofContact.all(contactId),
  };
}
export type CardsRepository = ReturnType<typeof createCardsRepository>;
