import type { Deployment, DeploymentPage } from '../parse/domain';

/** At most this many deployments are remembered (the most one list query loads). */
const MAX_KNOWN_DEPLOYMENTS = 10_000;

/**
 * Deployments a list of deployments returned, reused for single-deployment lookups within the
 * cache TTL: a dashboard that loaded the list (its deployment variable, a fleet table) need not
 * send `GET /v1/deployment/{id}` for each deployment its panels query.
 */
export class KnownDeployments {
  private readonly entries = new Map<string, { deployment: Deployment; expiresAt: number }>();

  constructor(private readonly now: () => number) {}

  /**
   * Remembers the deployments of a list page. Only a page the parser read without any notice: a
   * single-deployment answer carries its own notices, which a row of a list with notices could not
   * reproduce — such deployments are still fetched one by one. A TTL ≤ 0 (no cache) remembers none.
   */
  remember(page: DeploymentPage, ttlMs: number): DeploymentPage {
    if (ttlMs <= 0 || page.notices.length > 0) {
      return page;
    }
    const now = this.now();
    for (const [id, entry] of this.entries) {
      if (entry.expiresAt <= now) {
        this.entries.delete(id);
      }
    }
    for (const deployment of page.deployments) {
      if (this.entries.size >= MAX_KNOWN_DEPLOYMENTS && !this.entries.has(deployment.id)) {
        break;
      }
      this.entries.set(deployment.id, { deployment, expiresAt: now + ttlMs });
    }
    return page;
  }

  /** The unexpired deployment, shaped as a single-deployment answer without notices. */
  get(deploymentId: string): Deployment | undefined {
    const entry = this.entries.get(deploymentId);
    if (!entry || entry.expiresAt <= this.now()) {
      return undefined;
    }
    return { ...entry.deployment, notices: [] };
  }

  clear(): void {
    this.entries.clear();
  }
}
