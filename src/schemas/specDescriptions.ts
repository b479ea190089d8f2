/**
 * Reads the field table of case-snapshot.md into descriptions by path. Used
 * at generation time only (scripts/generate-schema-descriptions.ts); the
 * library carries the generated table, never the spec.
 */

const ROW = /^\| `([^`]+)` \|\s*([^|]*?)\s*\|\s*([^|]*?)\s*\|$/;

/** Markdown to plain text: code spans and emphasis lose their marks. */
const plain = (md: string) => md.replace(/`/g, '').replace(/\*\*/g, '').replace(/\s+/g, ' ').trim();

const words = (name: string) => name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

/** A row with no meaning: its enum values (`a` `b`) as "One of: a, b.", or its name in words and its type. */
function fromType(path: string, type: string): string {
  const values = [...type.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
  if (values.length > 1) return `One of: ${values.join(', ')}.`;
  const name = words(path.split('.').pop()!.replace('[]', ''));
  return `${name.charAt(0).toUpperCase()}${name.slice(1)} (${plain(type)}).`;
}

const sentence = (text: string) => (/[.)"]$/.test(text) ? text : `${text}.`);

/** "`count`: integer ≥ 0. `scale`: …" inside an object's row: one description per part. */
function parts(meaning: string): [string, string][] {
  const found = [...meaning.matchAll(/`([A-Za-z]+)`: ([^`]*(?:`(?!\w+`:)[^`]*`[^`]*)*)/g)];
  return found.map((m) => [m[1]!, sentence(plain(m[2]!).replace(/\.$/, ''))]);
}

/**
 * Fields the table describes only inside their parent's row (their words are
 * the spec's, attributed to the field they are about).
 */
const NESTED: Readonly<Record<string, string>> = {
  carers: 'The carers of the children: whether another carer can protect them, and whether a support network is identified.',
  process: 'The record of the process so far: consultation, strategy discussions, the Section 47 enquiry, the investigation and the conference.',
  'personsOfConcern[].accessToChildren.household': 'The person has access to children in their household.',
  'personsOfConcern[].accessToChildren.family': 'The person has access to children in their wider family.',
  'personsOfConcern[].accessToChildren.employment': 'The person has access to children through employment.',
  'personsOfConcern[].accessToChildren.voluntaryOrYouthWork': 'The person has access to children through voluntary or youth work.',
  'personsOfConcern[].accessToChildren.positionOfTrust': 'The person holds a position of trust with children.',
  'personsOfConcern[].accessToChildren.otherSettings': 'The person has access to children in other settings.',
  'process.strategyDiscussions[].date': 'The day the strategy discussion was held (record of events; not after asOf).',
  'process.strategyDiscussions[].childrenPotentiallyAtRisk': 'The discussion found that children are potentially at risk of significant harm.',
  'process.section47.initiatedOn': 'The day the Section 47 enquiry was initiated (record of events; not after asOf).',
  'process.section47.status': 'One of: ongoing, significant-harm-substantiated, not-substantiated-other-needs, not-substantiated-no-further-concerns.',
  'process.safeguardingArrangements.personLivingAway': 'The person of concern is living away from the children while the enquiry goes on.',
  'process.safeguardingArrangements.contactSupervised': "The person of concern's contact with the children is supervised while the enquiry goes on.",
  'personsOfConcern[].images.childrenNotKnownToPerson': 'Boolean: the images are of children not known to the person (A6).',
  'personsOfConcern[].images.evidenceOfTrading': 'Boolean: there is evidence of trading images (A7).',
  'groomingMeeting.personRef': 'The person of concern who met, travelled to meet or arranged to meet the child (a ref of personsOfConcern).',
  'groomingMeeting.childRef': 'The child met or to be met (a ref of children).',
  'groomingMeeting.priorOccasions': 'Earlier occasions of meeting or communicating with the child (integer ≥ 0).',
  'groomingMeeting.event': 'One of: met, travelled-to-meet, arranged-to-meet, child-travelled-to-meet.',
  'groomingMeeting.eventDate': 'The day of the meeting, travel or arrangement (not after asOf).',
  'groomingMeeting.intendsRelevantOffence': 'The person intends to commit a relevant offence during or after the meeting.',
  'groomingMeeting.reasonablyBelievedChild16OrOver': 'The person reasonably believed the child to be 16 or over.',
  'groomingMeeting.travelPartlyInEnglandWalesOrNI': 'The meeting or travel took place at least partly in England and Wales or Northern Ireland.',
  'groomingMeeting.personAgeAtEvent': "The person's age at the event (integer, optional: otherwise bounded from the person's age).",
  'groomingMeeting.childAgeAtEvent': "The child's age at the event (integer, optional: otherwise bounded from the child's age).",
};

/** Every row of the field table as `path → description`, `.x` rows under the list row above them. */
export function snapshotDescriptions(spec: string): Record<string, string> {
  const out: Record<string, string> = {};
  let list = '';
  for (const line of spec.split('\n')) {
    const m = ROW.exec(line.trim());
    if (!m) continue;
    const [, field, type, meaning] = m as unknown as [string, string, string, string];
    if (field.endsWith('[]') && !field.includes('.')) list = field;
    const path = field.startsWith('.') ? `${list}${field}` : field;
    const said = plain(meaning);
    const recordOfEvents = /record of events/.test(type) && !/record of events/i.test(said) ? ' Record of events: absent or null means it has not happened.' : '';
    out[path] = `${said ? sentence(said) : fromType(path, type)}${recordOfEvents}`;
    if (type.trim() === 'object' || path.endsWith('.images')) for (const [name, text] of parts(meaning)) out[`${path}.${name}`] = text;
  }
  return { ...out, ...NESTED };
}
