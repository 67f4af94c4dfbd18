// Sign-in accounts for generated people and orgs, with the demo learner's password hash
// (the bench password), written straight to the tables: `query(text, params)` → { rows }.

export async function addAccount(query, { username, role, orgId, personId }) {
  const {
    rows: [user],
  } = await query(
    `insert into users (username, display_name, password_hash)
     select $1, $1, password_hash from users where username = 'demo-learner' returning id`,
    [username],
  );
  await query(`insert into user_roles (user_id, role, org_id) values ($1, $2, $3)`, [
    user.id,
    role,
    orgId,
  ]);
  if (personId) await query(`update people set user_id = $1 where id = $2`, [user.id, personId]);
  return user.id;
}

/**
 * The bench learner (a generated person with a full year) and a reviewer at the org where
 * most claims wait (the province or a city, depending on how the generator spread the
 * units), so that the queue's 100th page exists at every size.
 */
export async function addBenchAccounts(query, generated) {
  const {
    rows: [province],
  } = await query(`select id, path from orgs where kind = 'province' and region_code = '990000'`);
  const {
    rows: [learner],
  } = await query(`select unit_id from people where id = $1`, [generated.learnerId]);
  await addAccount(query, {
    username: 'bench-learner',
    role: 'learner',
    orgId: learner.unit_id,
    personId: generated.learnerId,
  });
  const {
    rows: [busiest],
  } = await query(
    `select o.id, o.path, w.waiting from orgs o join (
       select current_reviewer_org_id as id, count(*)::int as waiting from credit_claims
        where status = 'submitted' group by 1 order by 2 desc limit 1) w on w.id = o.id`,
  );
  const reviewerOrg = busiest ?? { id: province.id, path: province.path, waiting: 0 };
  const reviewerId = await addAccount(query, {
    username: 'bench-reviewer',
    role: 'reviewer',
    orgId: reviewerOrg.id,
  });
  return {
    provinceId: province.id,
    provincePath: province.path,
    reviewerId,
    reviewerOrgId: reviewerOrg.id,
    reviewerOrgPath: reviewerOrg.path,
    reviewerWaiting: reviewerOrg.waiting,
  };
}
