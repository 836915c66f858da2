import type ICAL from 'ical.js';
import type { InvitePerson } from './invite-proposal';
import { normaliseAddress } from './mail-addresses';

type Property = InstanceType<typeof ICAL.Property>;

const ROLES: Record<string, InvitePerson['role']> = {
  CHAIR: 'chair',
  'REQ-PARTICIPANT': 'required',
  'OPT-PARTICIPANT': 'optional',
  'NON-PARTICIPANT': 'non-participant',
};
const RESPONSES: Record<string, InvitePerson['response']> = {
  'NEEDS-ACTION': 'needs-action',
  ACCEPTED: 'accepted',
  DECLINED: 'declined',
  TENTATIVE: 'tentative',
  DELEGATED: 'delegated',
};

function parameter(property: Property, name: string): string | null {
  const value = property.getParameter(name);
  const text = Array.isArray(value) ? value[0] : value;
  return typeof text === 'string' && text.trim() !== '' ? text.trim() : null;
}

/** A calendar user (ORGANIZER, ATTENDEE): its CN and mailto: address, with the user's own addresses recognised. */
export function calendarPerson(property: Property, ownAddresses: ReadonlySet<string>): InvitePerson {
  const value = String(property.getFirstValue() ?? '');
  const address = normaliseAddress(value.replace(/^mailto:/i, '')) ?? normaliseAddress(parameter(property, 'email') ?? '');
  const name = parameter(property, 'cn');
  return {
    name: name && name.toLowerCase() !== address ? cleanName(name) : null,
    address,
    role: ROLES[parameter(property, 'role')?.toUpperCase() ?? ''] ?? null,
    response: RESPONSES[parameter(property, 'partstat')?.toUpperCase() ?? ''] ?? null,
    self: address !== null && ownAddresses.has(address),
  };
}

/** Rooms, resources and groups are not people to meet; only individuals (the default) are kept. */
export function isIndividual(property: Property): boolean {
  const kind = parameter(property, 'cutype')?.toUpperCase() ?? 'INDIVIDUAL';
  return kind === 'INDIVIDUAL' || kind === 'UNKNOWN';
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/g;
function cleanName(name: string): string {
  return name.replace(CONTROL, ' ').replace(/^"(.*)"$/, '$1').replace(/\s+/g, ' ').trim().slice(0, 200);
}
