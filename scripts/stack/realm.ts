import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './paths';

/** The realm file that both this stack and docker-compose's Keycloak import. */
export const realmFile = path.join(repoRoot, 'provisioning', 'keycloak', 'mlops-realm.json');

/** Names and DEMO-ONLY credentials of the realm, read from the realm file so there is one source of truth. */
export interface DemoRealm {
  realm: string;
  clientId: string;
  /** Fixed demo-only client secret from the realm file; never print it. */
  clientSecret: string;
  username: string;
  /** Fixed demo-only user password from the realm file; never print it. */
  password: string;
  /** `aud` that the audience mapper adds to access tokens (checked by the simulator). */
  audience: string;
  accessTokenLifespan: number;
  /** The service-account client that Grafana's Infinity data source uses for alert rules. */
  alertingClient: { clientId: string; clientSecret: string };
}

/** Client of the Infinity data source that evaluates the alert rules (provisioning/datasources/infinity.yaml). */
export const ALERTING_CLIENT_ID = 'grafana-alerting';

interface RealmJson {
  realm: string;
  accessTokenLifespan: number;
  clients: Array<{
    clientId: string;
    secret?: string;
    protocolMappers?: Array<{ protocolMapper: string; config: Record<string, string> }>;
  }>;
  users: Array<{ username: string; credentials?: Array<{ type: string; value: string }> }>;
}

/** Reads the demo realm's client, user and audience. */
export function loadDemoRealm(file = realmFile): DemoRealm {
  const json = JSON.parse(fs.readFileSync(file, 'utf8')) as RealmJson;
  const client = json.clients.find((c) => c.clientId === 'grafana-mlops');
  const user = json.users.find((u) => u.username === 'mlops-demo');
  const audience = client?.protocolMappers?.find((m) => m.protocolMapper === 'oidc-audience-mapper')?.config[
    'included.custom.audience'
  ];
  const password = user?.credentials?.find((c) => c.type === 'password')?.value;
  const alerting = json.clients.find((c) => c.clientId === ALERTING_CLIENT_ID);
  if (!client?.secret || !user || !password || !audience || !alerting?.secret) {
    throw new Error(
      `${file}: expected clients grafana-mlops (secret + audience mapper) and ${ALERTING_CLIENT_ID} (secret), user mlops-demo`
    );
  }
  return {
    realm: json.realm,
    clientId: client.clientId,
    clientSecret: client.secret,
    username: user.username,
    password,
    audience,
    accessTokenLifespan: json.accessTokenLifespan,
    alertingClient: { clientId: alerting.clientId, clientSecret: alerting.secret },
  };
}
