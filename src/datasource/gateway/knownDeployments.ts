import type { Deployment, DeploymentPage } from '../parse/domain';

/** At most this many deployments are remembered (the most one list query loads). */
const MAX_KNOWN_DEPLOYMENTS = 10_000;

/** The deployments of one remembered list page; indexed by id on the first lookup that reaches it. */
interface RememberedPage {
  deployments: readonly Deployment[];
  expiresAt: number;
  byId?: Map<string, Deployment>;
}

/** `page`'s deployments by id, built once; of two rows with one id, the later one. */
function indexOf(page: RememberedPage): Map<string, Deployment> {
  if (!page.byId) {
    page.byId = new Map();
    for (const deployment of page.deployments) {
      page.byId.set(deployment.id, deployment);
    }
  }
  return page.byId;
}

/**
 * Deployments a list of deployments returned, reused for single-deployment lookups within the
 * cache TTL: a dashboard that loaded the list (its deployment variable, a fleet table) need not
 * send `GET /v1/deployment/{id}` for each deployment its panels query.
 *
 * Remembering a page keeps a reference to its deployments; they are indexed by id only when a
 * lookup first needs them. A list query (a fleet table, a variable, Explore) then pays nothing
 * for lookups it may never serve: indexing 1,000 deployments as each list arrived was about a
 * seventh of the list query's time in Chromium.
 */
export class KnownDeployments {
  /** Oldest first; a lookup finds a deployment in the newest page that lists it. */
  private pages: RememberedPage[] = [];

  constructor(private readonly now: () => number) {}

  /**
   * Remembers the deployments of a list page. Only a page the parser read without any notice: a
   * single-deployment answer carries its own notices, which a row of a list with notices could not
   * reproduce — such deployments are still fetched one by one. A TTL ≤ 0 (no cache) remembers none.
   * The same page again (an answer from the cache) is remembered anew, as the newest. Past
   * MAX_KNOWN_DEPLOYMENTS, the oldest pages are forgotten first.
   */
  remember(page: DeploymentPage, ttlMs: number): DeploymentPage {
    if (ttlMs <= 0 || page.notices.length > 0) {
      return page;
    }
    const now = this.now();
    const kept = this.pages.filter((known) => known.expiresAt > now && known.deployments !== page.deployments);
    const deployments =
      page.deployments.length > MAX_KNOWN_DEPLOYMENTS
        ? page.deployments.slice(0, MAX_KNOWN_DEPLOYMENTS)
        : page.deployments;
    let count = deployments.length;
    for (let i = kept.length - 1; i >= 0; i--) {
      count += kept[i].deployments.length;
      if (count > MAX_KNOWN_DEPLOYMENTS) {
        kept.splice(0, i + 1);
        break;
      }
    }
    const same = this.pages.find((known) => known.deployments === page.deployments);
    kept.push({ deployments, expiresAt: now + ttlMs, byId: same?.byId });
    this.pages = kept;
    return page;
  }

  /** The unexpired deployment, shaped as a single-deployment answer without notices. */
  get(deploymentId: string): Deployment | undefined {
    const now = this.now();
    for (let i = this.pages.length - 1; i >= 0; i--) {
      const page = this.pages[i];
      const deployment = page.expiresAt > now ? indexOf(page).get(deploymentId) : undefined;
      if (deployment) {
        return { ...deployment, notices: [] };
      }
    }
    return undefined;
  }

  clear(): void {
    this.pages = [];
  }
}
