import type { Deployment, DeploymentPage } from '../parse/domain';

/** At most this many deployments are remembered (the most one list query loads). */
const MAX_KNOWN_DEPLOYMENTS = 10_000;

/**
 * Lookups of a remembered page answered by scanning its deployments before it is indexed by id: a
 * dashboard looks up a few deployments per list, and the list and its first lookup cost 0.10 ms
 * with a scan of 1,000 deployments against 0.29 ms with the index (Node, cold); a page looked up
 * more often (a fleet of per-deployment panels) is indexed, so lookups stay cheap at any count.
 */
const SCANS_BEFORE_INDEX = 16;

/** The deployments of one remembered list page. */
interface RememberedPage {
  deployments: readonly Deployment[];
  expiresAt: number;
  scans: number;
  byId?: Map<string, Deployment>;
}

/** The deployment of `page` with `id`; of two rows with one id, the later one (as a list reads). */
function findIn(page: RememberedPage, id: string): Deployment | undefined {
  if (page.scans < SCANS_BEFORE_INDEX) {
    page.scans += 1;
    for (let i = page.deployments.length - 1; i >= 0; i--) {
      if (page.deployments[i].id === id) {
        return page.deployments[i];
      }
    }
    return undefined;
  }
  if (!page.byId) {
    page.byId = new Map();
    for (const deployment of page.deployments) {
      page.byId.set(deployment.id, deployment);
    }
  }
  return page.byId.get(id);
}

/**
 * Deployments a list of deployments returned, reused for single-deployment lookups within the
 * cache TTL: a dashboard that loaded the list (its deployment variable, a fleet table) need not
 * send `GET /v1/deployment/{id}` for each deployment its panels query.
 *
 * Remembering a page keeps a reference to its deployments; lookups scan them, and index them by
 * id only once a page has been looked up often (SCANS_BEFORE_INDEX). A list query (a fleet table,
 * a variable, Explore) then pays nothing for lookups it may never serve: indexing 1,000
 * deployments as each list arrived was about a seventh of the list query's time in Chromium.
 */
export class KnownDeployments {
  /** Newest first; a lookup finds a deployment in the newest page that lists it. */
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
    const deployments =
      page.deployments.length > MAX_KNOWN_DEPLOYMENTS
        ? page.deployments.slice(0, MAX_KNOWN_DEPLOYMENTS)
        : page.deployments;
    let room = MAX_KNOWN_DEPLOYMENTS - deployments.length;
    this.pages = [
      { deployments, expiresAt: now + ttlMs, scans: 0 },
      // Newest first: once a page does not fit, neither does any older one.
      ...this.pages.filter(
        (known) =>
          known.expiresAt > now && known.deployments !== page.deployments && (room -= known.deployments.length) >= 0
      ),
    ];
    return page;
  }

  /** The unexpired deployment, shaped as a single-deployment answer without notices. */
  get(deploymentId: string): Deployment | undefined {
    const now = this.now();
    for (const page of this.pages) {
      const deployment = page.expiresAt > now ? findIn(page, deploymentId) : undefined;
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
