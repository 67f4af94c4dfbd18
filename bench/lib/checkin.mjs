// Check-in throughput against a running server (the demo kiosk's device token): 50
// concurrent connections POST /api/v1/checkins, each request a fresh (session, card) pair
// and a fresh client id, so every swipe is an accepted INSERT (no duplicates).
import { randomUUID } from 'node:crypto';
import { load } from './processes.mjs';
import { benchDeviceToken, benchPassword } from './server-modules.mjs';

export async function signIn(url, username) {
  const response = await fetch(`${url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: benchPassword }),
  });
  const body = await response.json();
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0];
  if (!response.ok || !cookie) throw new Error(`sign-in of ${username}: ${response.status}`);
  return { cookie, 'x-csrf-token': body.csrfToken, 'content-type': 'application/json' };
}

export async function json(response) {
  if (!response.ok) throw new Error(`${response.url}: ${response.status} ${await response.text()}`);
  return response.json();
}

/** Sessions × active cards: enough distinct (session, person) pairs that none repeats. */
export async function prepareSwipes(url, swipesNeeded) {
  const province = await signIn(url, 'demo-province-admin');
  const numbers = [];
  let after = '';
  do {
    const page = await json(
      await fetch(`${url}/api/v1/cards?status=active&limit=500${after}`, { headers: province }),
    );
    numbers.push(...page.items.map((c) => c.number));
    after = page.nextCursor ? `&after=${page.nextCursor}` : '';
  } while (after);
  const kiosk = { authorization: `Bearer ${benchDeviceToken}` };
  const { project, sessions } = await json(
    await fetch(`${url}/api/v1/checkins/sessions`, { headers: kiosk }),
  );
  const host = await signIn(url, 'demo-host-admin');
  const sessionIds = sessions.map((s) => s.id);
  const date = sessions[0].date;
  while (sessionIds.length * numbers.length < swipesNeeded) {
    const created = await json(
      await fetch(`${url}/api/v1/projects/${project.id}/sessions`, {
        method: 'POST',
        headers: host,
        body: JSON.stringify({
          date,
          startTime: '08:00',
          endTime: '18:00',
          hours: 1,
          place: '压测',
        }),
      }),
    );
    sessionIds.push(created.id);
  }
  let next = 0;
  const swipe = () => {
    const i = next++;
    return {
      clientId: randomUUID(),
      sessionId: sessionIds[Math.floor(i / numbers.length) % sessionIds.length],
      cardNumber: numbers[i % numbers.length],
      swipedAt: new Date().toISOString(),
    };
  };
  return { kiosk, swipe, people: numbers.length, sessions: sessionIds.length };
}

/** `size` swipes per request (1: a kiosk online; 50: a kiosk sending its offline queue). */
export async function checkinLoad(url, { kiosk, swipe }, size, { connections, duration }) {
  let accepted = 0;
  let other = 0;
  const result = await load(`${url}/api/v1/checkins`, {
    connections,
    duration,
    method: 'POST',
    headers: { ...kiosk, 'content-type': 'application/json' },
    requests: [
      {
        setupRequest: (request) => ({
          ...request,
          body: JSON.stringify(
            size === 1 ? swipe() : { swipes: Array.from({ length: size }, swipe) },
          ),
        }),
        onResponse: (status, body) => {
          if (status !== 200) return;
          for (const r of JSON.parse(body).results)
            if (r.result === 'accepted') accepted++;
            else other++;
        },
      },
    ],
  });
  return { result, accepted, other };
}
