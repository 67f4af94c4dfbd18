import type { AwardRole } from '@jijiao/contracts';
import type { DbOrTx } from '../../platform/db/database';
import { notFound } from '../../platform/auth/policy';
import type { CreditIntake } from '../credits/credit-intake.service';
import type { OrgsService } from '../orgs/orgs.service';
import type { ProjectView } from '../projects/projects.service';
import { isInProvinceOf } from './awards.policy';

/** What a host says of one line; missing hours or credits come from the project. */
export interface LineInput {
  personId: string;
  role: AwardRole;
  hours?: number | undefined;
  awardedCredits?: number | undefined;
}

export interface ValuedLine {
  personId: string;
  role: AwardRole;
  hours: number | null;
  awardedCredits: number | null;
  credits: number;
  class: 'I' | 'II' | null;
  reasons: string[];
  packs: { id: string; version: string }[];
}

const previewId = '00000000-0000-4000-8000-000000000000';

/**
 * The hours and certificate credits of a line, defaults filled from the project: an
 * attendee gets the project's attendee credits and, unless the host gave credits only,
 * its hours; a speaker gets the project's speaker credits (and only the hours given).
 */
export function lineFigures(
  project: Pick<ProjectView, 'hours' | 'attendeeCredits' | 'speakerCredits'>,
  input: Omit<LineInput, 'personId'>,
): { hours: number | null; awardedCredits: number } {
  const awardedCredits =
    input.awardedCredits ??
    (input.role === 'speaker' ? project.speakerCredits : project.attendeeCredits);
  const hours =
    input.hours ??
    (input.role === 'attendee' && input.awardedCredits === undefined ? project.hours : null);
  return { hours, awardedCredits };
}

/**
 * Values award lines with the rules engine: the activity is a `project` (scenario format)
 * at the project's level, hosted in its province, dated on its first day, with the
 * project number, so the same attendance from another channel is recognised.
 */
export function lineValuer(deps: { intake: CreditIntake; orgs: OrgsService }) {
  const provinceCodes = new Map<string, string | null>();

  async function provinceCodeOf(db: DbOrTx, hostPath: string): Promise<string | null> {
    const rootId = hostPath.split('/').filter(Boolean)[0] ?? '';
    if (!provinceCodes.has(rootId)) {
      const root = await deps.orgs.findAny(rootId, db);
      provinceCodes.set(rootId, root?.regionCode ?? null);
    }
    return provinceCodes.get(rootId) ?? null;
  }

  function activityOf(
    project: ProjectView,
    line: {
      role: string;
      hours: number | null;
      awardedCredits: number | null;
      hostProvince?: string | null;
    },
  ): Record<string, unknown> {
    return {
      type: 'project',
      date: project.startDate,
      level: project.level,
      role: line.role,
      ...(line.hours !== null ? { hours: line.hours } : {}),
      ...(line.awardedCredits !== null ? { awardedCredits: line.awardedCredits } : {}),
      remote: project.remote,
      ...(line.hostProvince ? { hostProvince: line.hostProvince } : {}),
      projectNumber: project.number,
    };
  }

  return {
    /** The activity of a stored line, as the intake records it. */
    async activityFor(
      db: DbOrTx,
      project: ProjectView,
      line: { role: string; hours: number | null; awardedCredits: number | null },
    ): Promise<Record<string, unknown>> {
      return activityOf(project, {
        ...line,
        hostProvince: await provinceCodeOf(db, project.hostPath),
      });
    },

    async value(db: DbOrTx, project: ProjectView, input: LineInput): Promise<ValuedLine> {
      const { person, where } = await deps.intake.personAndPlace(db, input.personId);
      if (!isInProvinceOf(project, person)) {
        throw notFound({
          what: 'person in the project’s province',
          issues: [{ path: 'personId', message: 'no such person in the project’s province' }],
        });
      }
      const figures = lineFigures(project, input);
      const hostProvince = await provinceCodeOf(db, project.hostPath);
      const valued = deps.intake.valueForEntry(
        where,
        previewId,
        activityOf(project, { role: input.role, ...figures, hostProvince }),
      );
      return {
        personId: person.id,
        role: input.role,
        ...figures,
        credits: valued.credits,
        class: valued.class,
        reasons: valued.reasons,
        packs: valued.packs,
      };
    },
  };
}

export type LineValuer = ReturnType<typeof lineValuer>;
