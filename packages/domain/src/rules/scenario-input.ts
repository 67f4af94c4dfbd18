/**
 * The input of `jijiao rules evaluate`: one person's year. Parsing returns the first problem
 * as `field.path: what it must be`, because that is what a person fixing a file needs.
 */
import { z } from 'zod';
import type { FiledProject } from '../credits/filed-project';
import { activitySchema, dateSchema, regionCodeSchema, type Activity } from './activity-schema';
import { formatPath } from './policy-pack';
import { projectLevelSchema, unitLevelSchema, type UnitLevel } from './vocabulary';

const placeSchema = z
  .object(
    {
      province: regionCodeSchema.regex(/^\d{2}0000$/, {
        error: 'must be a province code ending in 0000',
      }),
      city: regionCodeSchema.regex(/^\d{4}00$/, { error: 'must be a city code ending in 00' }),
      district: regionCodeSchema,
    },
    { error: (issue) => (issue.input === undefined ? 'is required' : 'must be an object') },
  )
  .partial({ city: true, district: true });

const personSchema = z.object(
  {
    unitLevel: z
      .enum(unitLevelSchema.options, {
        error: `must be one of ${unitLevelSchema.options.join(', ')}`,
      })
      .optional(),
  },
  { error: 'must be an object' },
);

const nonNegative = z
  .number({ error: 'must be a number' })
  .nonnegative({ error: 'must be 0 or more' });

/** One project of the registry of filed projects (备案), as the registry answers it. */
const filedProjectSchema = z.object(
  {
    number: z.string({ error: 'must be a string' }).trim().min(1, { error: 'is required' }),
    name: z.string({ error: 'must be a string' }).trim().min(1, { error: 'is required' }),
    level: z.enum(projectLevelSchema.options, {
      error: `must be one of ${projectLevelSchema.options.join(', ')}`,
    }),
    startDate: dateSchema,
    endDate: dateSchema,
    hours: z.number({ error: 'must be a number' }).positive({ error: 'must be a positive number' }),
    attendeeCredits: nonNegative,
    speakerCredits: nonNegative,
  },
  { error: 'must be an object' },
);

export const scenarioInputSchema = z.object(
  {
    name: z.string().optional(),
    year: z.int({
      error: (issue) => (issue.input === undefined ? 'is required' : 'must be a whole year'),
    }),
    place: placeSchema,
    person: personSchema.optional(),
    activities: z.array(activitySchema, {
      error: (issue) => (issue.input === undefined ? 'is required' : 'must be a list'),
    }),
    /**
     * The registry of filed projects. Given, a project of a level the packs ask to be filed
     * counts only when found here (by number, else by name and dates), valued from here.
     */
    filedProjects: z.array(filedProjectSchema, { error: 'must be a list' }).optional(),
  },
  { error: 'must be a JSON object' },
);

export interface ScenarioInput {
  year: number;
  place: { province: string; city?: string | undefined; district?: string | undefined };
  person: { unitLevel?: UnitLevel | undefined };
  activities: Activity[];
  /** Absent: no registry, so no activity is checked against it. */
  filedProjects?: FiledProject[] | undefined;
}

export interface InputProblem {
  /** The field path, as in `activities[2].hours`. */
  field: string;
  message: string;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; problem: InputProblem };

/** Codes must nest: a district lies in its city, a city in its province. */
function checkPlace(place: ScenarioInput['place']): InputProblem | undefined {
  if (place.city && place.city.slice(0, 2) !== place.province.slice(0, 2)) {
    return { field: 'place.city', message: 'must lie within place.province' };
  }
  const parent = place.city ?? place.province;
  const prefixLength = place.city ? 4 : 2;
  if (place.district && place.district.slice(0, prefixLength) !== parent.slice(0, prefixLength)) {
    return {
      field: 'place.district',
      message: `must lie within place.${place.city ? 'city' : 'province'}`,
    };
  }
  return undefined;
}

function checkUniqueIds(activities: Activity[]): InputProblem | undefined {
  const seen = new Map<string, number>();
  for (const [index, activity] of activities.entries()) {
    const first = seen.get(activity.id);
    if (first !== undefined) {
      return {
        field: `activities[${index}].id`,
        message: `must be unique (repeats activities[${first}])`,
      };
    }
    seen.set(activity.id, index);
  }
  return undefined;
}

/** Parses a scenario; extra keys (`name`, `expect`) are ignored. */
export function parseScenarioInput(input: unknown): ParseResult<ScenarioInput> {
  const parsed = scenarioInputSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      problem: { field: formatPath(issue?.path ?? []), message: issue?.message ?? 'is invalid' },
    };
  }
  const { year, place, person = {}, activities, filedProjects } = parsed.data;
  // A district code names its city: 510104 lies in 510100, whose overlays then apply too.
  const city = place.city ?? (place.district ? `${place.district.slice(0, 4)}00` : undefined);
  const value: ScenarioInput = {
    year,
    place: { ...place, city },
    person,
    activities,
    filedProjects,
  };
  const problem = checkPlace(place) ?? checkUniqueIds(activities);
  return problem ? { ok: false, problem } : { ok: true, value };
}
