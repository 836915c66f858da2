import type { Db } from '#core/vault/connection';

export interface SyntheticVaultOptions {
  /** Same seed, same vault, row for row. */
  seed: number;
  /** 1 = 2,000 openings, 10,000 interviews, 20,000 contacts; tests use e.g. 0.01. */
  scale: number;
  /** The instant the vault is "as of": a year of history before it, a few weeks of bookings after. */
  now?: string;
}

export interface SyntheticVaultCounts {
  companies: number;
  openings: number;
  contacts: number;
  interviews: number;
  team: number;
  letters: number;
  touchpoints: number;
}

const FULL = { openings: 2_000, interviews: 10_000, contacts: 20_000, companies: 800 };
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const FIRST = ['Ana', 'Ben', 'Chloé', 'Dmitri', 'Eva', 'Farah', 'Gus', 'Hana', 'Ivan', 'Jia', 'Kofi', 'Lena', 'Marco', 'Nia', 'Omar', 'Priya', 'Quinn', 'Rosa', 'Sven', 'Tara', 'Uma', 'Viktor', 'Wen', 'Yara', 'Zoe'];
const LAST = ['Ruiz', 'Okafor', 'Müller', 'Tanaka', 'Smith', 'Novak', 'Haddad', 'Kim', 'Rossi', 'Dubois', 'Nguyen', 'Silva', 'Larsen', 'Cohen', 'Patel', 'García', "O'Brien", 'Ivanova', 'Mensah', 'Berg'];
const COMPANY_A = ['Blue', 'North', 'Bright', 'Iron', 'Quiet', 'Swift', 'Green', 'Silver', 'Open', 'Deep', 'Clear', 'Bold', 'Red', 'Next', 'True'];
const COMPANY_B = ['Harbor', 'Labs', 'Systems', 'Works', 'Analytics', 'Robotics', 'Health', 'Foods', 'Logistics', 'Media', 'Energy', 'Bank', 'Studio', 'Cloud', 'Games'];
const ROLES = ['Software Engineer', 'Senior Backend Engineer', 'Product Manager', 'Data Analyst', 'UX Designer', 'Engineering Manager', 'QA Lead', 'DevOps Engineer', 'Technical Writer', 'Solutions Architect'];
const TITLES = ['Recruiter', 'Hiring Manager', 'Team Lead', 'Staff Engineer', 'Director', 'HR Partner', null];
const CHANNELS = ['email', 'phone', 'linkedin', 'in_person', 'portal', 'letter'] as const;
const FORMATS = ['onsite', 'phone', 'video'] as const;
// Weighted like a real search: most openings are early or closed, a few are live.
const STAGES = ['interested', 'applied', 'applied', 'interviewing', 'interviewing', 'interviewing', 'offer', 'accepted', 'rejected', 'rejected', 'rejected', 'withdrawn', 'dormant', 'dormant'] as const;
const CLOSED = new Set(['accepted', 'rejected', 'withdrawn']);

/** mulberry32: tiny, fast and the same on every machine. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const chance = (p: number) => next() < p;
  const hex = (length: number) => Array.from({ length }, () => Math.floor(next() * 16).toString(16)).join('');
  const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-${pick(['8', '9', 'a', 'b'])}${hex(3)}-${hex(12)}`;
  return { next, int, pick, chance, uuid };
}

const iso = (ms: number) => new Date(ms).toISOString();
const dateOf = (ms: number) => iso(ms).slice(0, 10);

/**
 * Fills a vault with a realistic, seeded job search: companies and their
 * people, openings across every stage, interviews with their team, a thank-you
 * letter per interviewer and the touchpoints around them, spread over a year.
 * Raw prepared INSERTs in one transaction, so scale 1 takes seconds, not minutes.
 */
export function buildSyntheticVault(target: Db | { db: Db }, options: SyntheticVaultOptions): SyntheticVaultCounts {
  const db = 'prepare' in target ? target : target.db;
  const rng = random(options.seed);
  const now = Date.parse(options.now ?? '2026-03-02T09:00:00.000Z');
  const size = (full: number) => Math.max(1, Math.round(full * options.scale));
  const counts: SyntheticVaultCounts = { companies: 0, openings: 0, contacts: 0, interviews: 0, team: 0, letters: 0, touchpoints: 0 };

  const insertCompany = db.prepare('INSERT INTO companies (id, name, name_key, website, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)');
  const insertContact = db.prepare(
    'INSERT INTO contacts (id, name, title, company_id, email, preferred_channel, created_at, updated_at, deleted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertOpening = db.prepare(`INSERT INTO openings (id, company_id, role, stage, stage_changed_at, notify_by, follow_up_channel, location, created_at, updated_at, deleted_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertInterview = db.prepare(`INSERT INTO interviews (id, opening_id, round, title, starts_at, ends_at, time_zone, format, completed_at, created_at, updated_at, deleted_at)
    VALUES (?, ?, ?, ?, ?, ?, 'Europe/Berlin', ?, ?, ?, ?, ?)`);
  const insertTeam = db.prepare('INSERT INTO interview_team (interview_id, contact_id, position, preferred_channel) VALUES (?, ?, ?, ?)');
  const insertLetter = db.prepare(`INSERT INTO letters (id, kind, opening_id, interview_id, contact_id, recipient_name, doc, status, started_at, due_at, sent_at, mail_by, posted_at, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, '{"type":"doc","content":[]}', ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertTouchpoint = db.prepare(`INSERT INTO touchpoints (id, opening_id, contact_id, channel, direction, kind, occurred_at, created_at, updated_at, deleted_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);

  const touchpoint = (openingId: string, contactId: string | null, direction: 'inbound' | 'outbound', kind: string, at: number) => {
    insertTouchpoint.run(rng.uuid(), openingId, contactId, rng.pick(CHANNELS), direction, kind, iso(at), iso(at), iso(at), rng.chance(0.01) ? iso(at + DAY) : null);
    counts.touchpoints++;
  };

  db.transaction(() => {
    // An opening row is written after its interviews, once its last one is known.
    db.pragma('defer_foreign_keys = ON');
    const companies: { id: string; name: string; contacts: { id: string; name: string }[] }[] = [];
    for (let i = 0; i < size(FULL.companies); i++) {
      // The index keeps names unique however many companies a scale asks for.
      const name = `${rng.pick(COMPANY_A)} ${rng.pick(COMPANY_B)}${i >= COMPANY_A.length * COMPANY_B.length ? ` ${i}` : ''}`;
      const unique = companies.some((company) => company.name === name) ? `${name} ${i}` : name;
      const created = iso(now - rng.int(200, 400) * DAY);
      const company = { id: rng.uuid(), name: unique, contacts: [] as { id: string; name: string }[] };
      insertCompany.run(company.id, company.name, company.name.toLowerCase(), `https://${company.name.toLowerCase().replace(/\W+/g, '')}.example`, created, created);
      companies.push(company);
      counts.companies++;
    }

    for (let i = 0; i < size(FULL.contacts); i++) {
      const name = `${rng.pick(FIRST)} ${rng.pick(LAST)}`;
      const company = rng.chance(0.9) ? rng.pick(companies) : null;
      const created = now - rng.int(0, 365) * DAY - rng.int(0, DAY);
      const id = rng.uuid();
      const deleted = rng.chance(0.01);
      insertContact.run(
        id,
        name,
        rng.pick(TITLES),
        company?.id ?? null,
        `${name.toLowerCase().replace(/\W+/g, '.')}@example.com`,
        rng.chance(0.4) ? rng.pick(CHANNELS) : null,
        iso(created),
        iso(created),
        deleted ? iso(created + DAY) : null,
      );
      if (company && !deleted) company.contacts.push({ id, name });
      counts.contacts++;
    }

    const openings: { id: string; company: (typeof companies)[number]; stage: string; start: number }[] = [];
    const openingCount = size(FULL.openings);
    for (let i = 0; i < openingCount; i++) {
      const company = rng.pick(companies);
      openings.push({ id: rng.uuid(), company, stage: rng.pick(STAGES), start: now - rng.int(5, 365) * DAY - rng.int(0, DAY) });
    }

    // Interviews go to openings past the application; every such opening gets at least one.
    const interviewing = openings.filter((opening) => !['interested', 'applied'].includes(opening.stage));
    const interviewsOf = new Map<string, number>(interviewing.map((opening) => [opening.id, 1]));
    for (let i = interviewing.length; i < size(FULL.interviews); i++) {
      const opening = rng.pick(interviewing);
      interviewsOf.set(opening.id, interviewsOf.get(opening.id)! + 1);
    }

    for (const opening of openings) {
      const rounds = interviewsOf.get(opening.id) ?? 0;
      const live = opening.stage === 'interviewing' || opening.stage === 'offer';
      // Live processes may have a booking ahead; the rest is history.
      let at = Math.min(opening.start + rng.int(3, 20) * DAY, now - rounds * 3 * DAY);
      let lastEnd = opening.start;
      for (let round = 1; round <= rounds; round++) {
        const upcoming = live && round === rounds && rng.chance(0.3);
        const startsAt = upcoming ? now + rng.int(1, 21) * DAY + rng.int(8, 17) * HOUR : at + rng.int(8, 17) * HOUR;
        const endsAt = startsAt + rng.pick([30, 45, 60, 90]) * 60_000;
        const past = endsAt <= now;
        const createdAt = Math.min(startsAt - rng.int(2, 10) * DAY, now - HOUR);
        const interviewId = rng.uuid();
        insertInterview.run(
          interviewId,
          opening.id,
          round,
          round === 1 ? 'Screening call' : `Round ${round}`,
          iso(startsAt),
          iso(endsAt),
          rng.pick(FORMATS),
          past && rng.chance(0.8) ? iso(endsAt + rng.int(1, 48) * HOUR) : null,
          iso(createdAt),
          iso(createdAt),
          rng.chance(0.01) ? iso(endsAt) : null,
        );
        counts.interviews++;
        if (past) lastEnd = Math.max(lastEnd, endsAt);

        const pool = opening.company.contacts;
        const team = new Set<{ id: string; name: string }>();
        for (let n = rng.int(1, 3); n > 0 && pool.length > 0; n--) team.add(rng.pick(pool));
        let position = 0;
        for (const member of team) {
          insertTeam.run(interviewId, member.id, position++, rng.chance(0.3) ? rng.pick(CHANNELS) : null);
          counts.team++;
          // The thank-you note every interview drafts, one per interviewer.
          const sent = past && rng.chance(0.85) ? endsAt + rng.int(1, 30) * HOUR : null;
          const handwritten = rng.chance(0.05);
          insertLetter.run(
            rng.uuid(),
            'thank_you',
            opening.id,
            interviewId,
            member.id,
            member.name,
            sent ? 'sent' : 'draft',
            iso(endsAt),
            iso(endsAt + DAY),
            sent ? iso(sent) : null,
            handwritten ? iso(endsAt + 3 * DAY) : null,
            handwritten && past && rng.chance(0.5) ? iso(endsAt + 2 * DAY) : null,
            iso(createdAt),
            iso(sent ?? createdAt),
          );
          counts.letters++;
          if (sent) touchpoint(opening.id, member.id, 'outbound', 'thank_you', sent);
        }
        at = endsAt + rng.int(3, 14) * DAY;
      }

      // The wait for an answer: follow-ups sent, and now and then a reply.
      if (rounds > 0 && opening.stage !== 'interested' && opening.stage !== 'applied') {
        let cursor = lastEnd;
        for (let n = rng.int(0, 3); n > 0 && cursor < now; n--) {
          cursor += rng.int(4, 10) * DAY;
          if (cursor > now) break;
          const to = opening.company.contacts.length > 0 && rng.chance(0.5) ? rng.pick(opening.company.contacts).id : null;
          touchpoint(opening.id, to, 'outbound', 'follow_up', cursor);
          if (rng.chance(0.3)) touchpoint(opening.id, null, 'inbound', 'other', cursor + rng.int(1, 72) * HOUR);
        }
      }

      const stageChangedAt = Math.min(now - HOUR, Math.max(opening.start, lastEnd) + rng.int(1, 10) * DAY);
      if (CLOSED.has(opening.stage)) {
        // After the close: some invitations, some keeping in touch.
        for (const contact of opening.company.contacts.slice(0, 4)) {
          if (rng.chance(0.2)) touchpoint(opening.id, contact.id, 'outbound', 'linkedin_invite', stageChangedAt + rng.int(1, 20) * DAY);
          if (opening.stage === 'rejected' && rng.chance(0.2)) touchpoint(opening.id, contact.id, 'outbound', 'stay_in_touch', stageChangedAt + rng.int(30, 120) * DAY);
        }
      }
      if (opening.stage === 'rejected') {
        const sent = rng.chance(0.5) ? stageChangedAt + rng.int(1, 48) * HOUR : null;
        insertLetter.run(rng.uuid(), 'rejection', opening.id, null, null, opening.company.name, sent ? 'sent' : 'draft', iso(stageChangedAt), iso(stageChangedAt + 2 * DAY), sent ? iso(sent) : null, null, null, iso(stageChangedAt), iso(sent ?? stageChangedAt));
        counts.letters++;
      }

      insertOpening.run(
        opening.id,
        opening.company.id,
        rng.pick(ROLES),
        opening.stage,
        iso(stageChangedAt),
        rounds > 0 && rng.chance(0.3) ? dateOf(lastEnd + rng.int(3, 14) * DAY) : null,
        rng.chance(0.3) ? rng.pick(CHANNELS) : null,
        rng.pick(['Berlin', 'Remote', 'London', 'Lisbon', 'New York', null]),
        iso(opening.start),
        iso(stageChangedAt),
        rng.chance(0.01) ? iso(stageChangedAt + DAY) : null,
      );
      counts.openings++;
    }
  })();
  return counts;
}
