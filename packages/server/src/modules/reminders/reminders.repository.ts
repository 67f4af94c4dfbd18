import { sql, type SQL } from 'drizzle-orm';
import {
  hostReportOffsetsDays,
  reminderRules,
  requirementWordsZh,
  type DueMilestone,
} from '@jijiao/domain';
import type { Role } from '@jijiao/contracts';
import type { DbOrTx } from '../../platform/db/database';
import { queryRows } from '../../platform/db/database';

/**
 * The reminder rules as SQL (ADR 0039). Each select yields the rows the notifications
 * service writes — (user_id, kind, dedupe_key, params, link) — set-based over the stored
 * standings, tallies, claims, reports and projects, which it only reads. The dedupe key
 * carries the rule, the year or subject and the milestone day: a rerun adds nothing.
 */

export interface ProvinceYear {
  provinceId: string;
  year: number;
}

const subtree = (provinceId: string) => `/${provinceId}/%`;
const rolesOf = (roles: readonly Role[]) =>
  sql.join(
    roles.map((role) => sql`${role}`),
    sql`, `,
  );

/** Accounts holding one of `roles` at an org, enabled. */
const holders = (orgId: SQL, roles: readonly Role[]) => sql`
  join user_roles ur on ur.org_id = ${orgId} and ur.role in (${rolesOf(roles)})
  join users u on u.id = ur.user_id and u.disabled_at is null`;

/**
 * What a learner still needs, from the standing's unmet requirements, in one pass: `needs`
 * compact (`code:credits;…`) and `need` in words for the message (「年度总学分 12.5 学分；…」).
 */
const unmetLateral = sql`cross join lateral (
  select coalesce(string_agg((r ->> 'code') || ':' || (r ->> 'shortfall'), ';' order by e.ord), '')
           as needs,
         coalesce(string_agg(case r ->> 'code' ${sql.join(
           Object.entries(requirementWordsZh).map(
             ([code, words]) => sql`when ${code} then ${words}`,
           ),
           sql` `,
         )} else r ->> 'code' end || ' ' || (r ->> 'shortfall') || ' 学分', '；' order by e.ord), '')
           as need
    from jsonb_array_elements(s.requirements) with ordinality e(r, ord)
   where (r ->> 'met') = 'false' and (r ->> 'shortfall')::numeric > 0) n`;

export class RemindersRepository {
  /** Learners of the province behind in the year: their accounts, what they need. */
  learnersBehind(at: ProvinceYear, due: DueMilestone): SQL {
    const key = `learner_behind:${String(at.year)}:${due.on}`;
    return sql`
      select p.user_id, ${reminderRules.learner_behind}::text as kind, ${key}::text as dedupe_key,
             jsonb_build_object('year', s.year, 'date', ${due.deadline}::text,
               'days', ${due.daysLeft}::int, 'shortfall', s.shortfall, 'needs', n.needs,
               'need', n.need) as params,
             '/'::text as link
        from person_standings s
        join people p on p.id = s.person_id
        join users u on u.id = p.user_id and u.disabled_at is null
        ${unmetLateral}
       where s.year = ${at.year} and s.unit_path like ${subtree(at.provinceId)}
         and not s.compliant`;
  }

  /** Units with staff behind (from the unit tallies, ADR 0021): who reports each unit's audit. */
  unitsWithStaffBehind(at: ProvinceYear, due: DueMilestone, roles: readonly Role[]): SQL {
    const key = `unit_staff_behind:${String(at.year)}:${due.on}:`;
    return sql`
      select ur.user_id, ${reminderRules.unit_staff_behind}::text as kind,
             ${key}::text || b.unit_id::text as dedupe_key,
             jsonb_build_object('year', ${at.year}::int, 'date', ${due.deadline}::text,
               'days', ${due.daysLeft}::int, 'count', b.behind, 'staff', b.staff,
               'unitName', o.name) as params,
             '/progress'::text as link
        from (select unit_id, sum(staff)::int as staff, sum(staff - compliant)::int as behind
                from standing_tallies
               where year = ${at.year} and unit_path like ${subtree(at.provinceId)}
               group by unit_id
              having sum(staff - compliant) > 0) b
        join orgs o on o.id = b.unit_id
        ${holders(sql`b.unit_id`, roles)}`;
  }

  /** Units of the province whose audit of the year is not reported yet. */
  unitsWithAuditDue(at: ProvinceYear, due: DueMilestone, roles: readonly Role[]): SQL {
    const key = `unit_audit_due:${String(at.year)}:${due.on}:`;
    return sql`
      select ur.user_id, ${reminderRules.unit_audit_due}::text as kind,
             ${key}::text || o.id::text as dedupe_key,
             jsonb_build_object('year', ${at.year}::int, 'date', ${due.deadline}::text,
               'days', ${due.daysLeft}::int, 'unitName', o.name) as params,
             '/audit/unit'::text as link
        from orgs o
        ${holders(sql`o.id`, roles)}
       where o.kind = 'unit' and o.path like ${subtree(at.provinceId)}
         and not exists (
           select 1 from audits a
             join audit_unit_reports r on r.audit_id = a.id and r.unit_id = o.id
            where a.province_id = ${at.provinceId}::uuid and a.year = ${at.year}
              and r.status in ('reported', 'approved', 'filed'))`;
  }

  /**
   * Orgs with claims waiting at them since before `before` (China day): their reviewers,
   * once per oldest waiting day (a queue that moves on is told again, one that does not is not).
   */
  reviewsWaiting(before: string, waitingDays: number, roles: readonly Role[]): SQL {
    return sql`
      select ur.user_id, ${reminderRules.reviews_waiting}::text as kind,
             'reviews_waiting:' || w.oldest || ':' || w.org_id::text as dedupe_key,
             jsonb_build_object('count', w.waiting, 'oldestDay', w.oldest,
               'days', ${waitingDays}::int, 'orgName', o.name) as params,
             '/reviews'::text as link
        from (select current_reviewer_org_id as org_id, count(*)::int as waiting,
                     to_char(min(updated_at) at time zone 'UTC' + interval '8 hours', 'YYYY-MM-DD')
                       as oldest
                from credit_claims
               where status = 'submitted'
                 and updated_at < (${before}::date - interval '8 hours') at time zone 'UTC'
               group by current_reviewer_org_id) w
        join orgs o on o.id = w.org_id
        ${holders(sql`w.org_id`, roles)}`;
  }

  /** Filed projects ended without their report (not finished): their host's managers. */
  hostsUnreported(asOf: string, roles: readonly Role[]): SQL {
    const offsets = [...hostReportOffsetsDays].sort((a, b) => b - a);
    const milestone = sql.join(
      offsets.map(
        (days) => sql`when p.end_date + ${days}::int <= ${asOf}::date
                      then to_char(p.end_date + ${days}::int, 'YYYY-MM-DD')`,
      ),
      sql` `,
    );
    const first = Math.min(...offsets);
    return sql`
      select ur.user_id, ${reminderRules.host_unreported}::text as kind,
             'host_unreported:' || m.day || ':' || p.id::text as dedupe_key,
             jsonb_build_object('project', p.name, 'projectNumber', p.number,
               'endDate', to_char(p.end_date, 'YYYY-MM-DD')) as params,
             '/projects'::text as link
        from projects p
        cross join lateral (select case ${milestone} end as day) m
        ${holders(sql`p.host_id`, roles)}
       where p.status = 'filed' and p.end_date + ${first}::int <= ${asOf}::date`;
  }

  /**
   * People of the province behind in the year whom no reminder reaches: no account, or a
   * disabled one (the notifications are addressed to accounts, ADR 0038).
   */
  async countBehindWithoutAccount(db: DbOrTx, at: ProvinceYear): Promise<number> {
    const [row] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n
            from person_standings s
            join people p on p.id = s.person_id
            left join users u on u.id = p.user_id and u.disabled_at is null
           where s.year = ${at.year} and s.unit_path like ${subtree(at.provinceId)}
             and not s.compliant and u.id is null`,
    );
    return row?.n ?? 0;
  }

  /** The learners `learnersBehind` selects, readable, for a dry run: first `limit` by unit and name. */
  async describeBehind(
    db: DbOrTx,
    at: ProvinceYear,
    limit: number,
  ): Promise<{ name: string; idNumberMasked: string; unitName: string; needs: string }[]> {
    return queryRows(
      db,
      sql`select p.name, p.id_number_masked as "idNumberMasked", o.name as "unitName", n.needs
            from person_standings s
            join people p on p.id = s.person_id
            join users u on u.id = p.user_id and u.disabled_at is null
            join orgs o on o.id = s.unit_id
            ${unmetLateral}
           where s.year = ${at.year} and s.unit_path like ${subtree(at.provinceId)}
             and not s.compliant
           order by o.name, p.name, p.id
           limit ${limit}`,
    );
  }
}
