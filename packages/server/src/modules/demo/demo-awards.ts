import type { Tx } from '../../platform/db/database';
import type { AwardsService } from '../awards/awards.service';
import type { PersonRow } from '../people/people.repository';

/** How many attendees the demo award batch lists (plus one speaker). */
const attendees = 11;

/**
 * A submitted award batch on the demo host's finished project, waiting for the province
 * admin (授予审核) right after `npm start`: attendance turned into a batch, as the
 * check-in feature does when a project ends, then submitted by the host admin.
 */
export async function seedDemoAwards(
  tx: Tx,
  awards: AwardsService,
  options: {
    projectId: string;
    people: readonly PersonRow[];
    host: { userId: string; username: string };
  },
): Promise<number> {
  // People without accounts, so the demo learner's own year stays as the other demos expect.
  const chosen = options.people
    .filter((p) => p.userId === null)
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
    .slice(0, attendees + 1);
  const [speaker, ...rest] = chosen;
  if (!speaker) return 0;
  const actor = { userId: options.host.userId, username: options.host.username, ip: null };
  const made = await awards.createBatchFromAttendance(tx, {
    projectId: options.projectId,
    lines: [
      { personId: speaker.id, role: 'speaker', hours: 2, sessionsAttended: 1 },
      ...rest.map((p, i) => ({
        personId: p.id,
        role: 'attendee' as const,
        hours: i % 4 === 3 ? 18 : 24,
        sessionsAttended: i % 4 === 3 ? 5 : 6,
      })),
    ],
    actor,
  });
  await awards.submitInTx(tx, made.batchId, actor);
  return made.lines;
}
