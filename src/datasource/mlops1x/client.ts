import { Observable, throwError } from 'rxjs';

import { FailureCause, GatewayError, type GatewayCall } from '../gateway/errors';
import type { GatewayClient, PagedList } from '../gateway/GatewayClient';
import { printableId, unsafeIdReason } from '../gateway/ids';
import { QueryConfigError } from '../query/queryRunner';
import type { BaselineAggregation, Deployment, DeploymentStatus, ScoringAggregation, Workspace } from './domain';
import { SCORING_ORDER, aggregateFilter, type AggregateFilter } from './filters';
import { parseBaselinePage, parseScoringPage } from './parseAggregates';
import {
  parseDeploymentPage,
  parseDeploymentStatus,
  parseGetDeployment,
  parseMonitoringConfig,
  parseWorkspacePage,
} from './parseDeployments';

/**
 * The H2O MLOps 1.x services through Grafana's data-source proxy: one route per service
 * (`plugin.json`: `mlops1x/authz`, `mlops1x/deployer`, `mlops1x/monitoring`), GET only. HTTP,
 * caching, sharing, deadlines, retries, paging bounds and error messages are the GatewayClient's
 * (`getRoute`, `listRoute`); this class knows the 1.x paths and parsers. Contract:
 * docs/h2o-mlops-1x-contract.md.
 */

/** Proxy route prefixes of the 1.x services, as declared in plugin.json. */
export const MLOPS1X_ROUTES = {
  authz: 'mlops1x/authz/v1',
  deployer: 'mlops1x/deployer/v2',
  monitoring: 'mlops1x/monitoring/v2',
} as const;

/** Items asked per page; the server may choose fewer (the client sends none, we bound it). */
export const PAGE_SIZE = 1000;

/** Every workspace's deployments (`workspaces/-`; the server allows it to administrators only). */
export const ALL_WORKSPACES = '-';

export class Mlops1xClient {
  /** `hasAuthz`: an authz URL is set, so workspaces can be listed (else they are entered by ID). */
  constructor(
    private readonly http: GatewayClient,
    private readonly hasAuthz = true
  ) {}

  /** Ids must stay one path segment: refuse ".", "..", slashes and control characters. */
  private checked(call: GatewayCall, ids: Record<string, string>): Observable<never> | undefined {
    for (const [what, id] of Object.entries(ids)) {
      const reason = !id ? 'it is empty' : /[/?#]/.test(id) ? 'it contains "/", "?" or "#"' : unsafeIdReason(id);
      if (reason) {
        const detail = `${what} ID "${printableId(id)}" is not sent to MLOps: ${reason}`;
        return throwError(() => new GatewayError(FailureCause.InvalidId, call, detail));
      }
    }
    return undefined;
  }

  listWorkspaces(): Observable<PagedList<Workspace>> {
    const call = { endpoint: 'GET authz /v1/workspaces (list workspaces)', list: true };
    if (!this.hasAuthz) {
      return throwError(
        () => new QueryConfigError('No authz URL is set in the data source settings: enter workspace IDs instead.')
      );
    }
    return this.http.listRoute(
      `${MLOPS1X_ROUTES.authz}/workspaces`,
      { pageSize: PAGE_SIZE },
      call,
      parseWorkspacePage,
      (p) => p.items
    );
  }

  listDeployments(workspaceId: string): Observable<PagedList<Deployment>> {
    const call = { endpoint: `GET deployer /v2/workspaces/${printableId(workspaceId)}/deployments`, list: true };
    return (
      this.checked(call, { workspace: workspaceId }) ??
      this.http.listRoute(
        `${MLOPS1X_ROUTES.deployer}/workspaces/${encodeURIComponent(workspaceId)}/deployments`,
        { pageSize: PAGE_SIZE },
        call,
        parseDeploymentPage,
        (p) => p.items
      )
    );
  }

  private deploymentPath(workspaceId: string, deploymentId: string): string {
    return `workspaces/${encodeURIComponent(workspaceId)}/deployments/${encodeURIComponent(deploymentId)}`;
  }

  getDeployment(workspaceId: string, deploymentId: string): Observable<{ deployment: Deployment; notices: string[] }> {
    const name = `workspaces/${printableId(workspaceId)}/deployments/${printableId(deploymentId)}`;
    const call = { endpoint: `GET deployer /v2/${name}` };
    return (
      this.checked(call, { workspace: workspaceId, deployment: deploymentId }) ??
      this.http.getRoute(
        `${MLOPS1X_ROUTES.deployer}/${this.deploymentPath(workspaceId, deploymentId)}`,
        {},
        call,
        parseGetDeployment
      )
    );
  }

  getDeploymentStatus(workspaceId: string, deploymentId: string): Observable<DeploymentStatus> {
    const name = `workspaces/${printableId(workspaceId)}/deployments/${printableId(deploymentId)}`;
    const call = { endpoint: `GET deployer /v2/${name}/status` };
    return (
      this.checked(call, { workspace: workspaceId, deployment: deploymentId }) ??
      this.http.getRoute(
        `${MLOPS1X_ROUTES.deployer}/${this.deploymentPath(workspaceId, deploymentId)}/status`,
        {},
        call,
        parseDeploymentStatus
      )
    );
  }

  /** Whether monitoring is on for this installation: the cheapest authenticated call (Save & test). */
  monitoringConfig(): Observable<{ enabled: boolean; maxAllowedFeatures: number }> {
    const call = { endpoint: 'GET deployer /v2/configuration/monitoring' };
    return this.http.getRoute(`${MLOPS1X_ROUTES.deployer}/configuration/monitoring`, {}, call, parseMonitoringConfig);
  }

  /** Baseline aggregates of a deployment (every experiment: parent `…/experiments/-`). */
  listBaselineAggregates(
    workspaceId: string,
    deploymentId: string,
    filter: Omit<AggregateFilter, 'range'> = {}
  ): Observable<PagedList<BaselineAggregation>> {
    return this.aggregates('baselineAggregates', workspaceId, deploymentId, filter, undefined, parseBaselinePage);
  }

  /** Scoring aggregates whose segment starts in the range, newest first as the client orders them. */
  listScoringAggregates(
    workspaceId: string,
    deploymentId: string,
    filter: AggregateFilter & { range: NonNullable<AggregateFilter['range']> }
  ): Observable<PagedList<ScoringAggregation>> {
    return this.aggregates('aggregates', workspaceId, deploymentId, filter, SCORING_ORDER, parseScoringPage);
  }

  private aggregates<T>(
    collection: 'aggregates' | 'baselineAggregates',
    workspaceId: string,
    deploymentId: string,
    filter: AggregateFilter,
    orderBy: string | undefined,
    parse: (body: unknown) => { items: T[]; nextPageToken: string; notices: string[] }
  ): Observable<PagedList<T>> {
    const parent = `workspaces/${printableId(workspaceId)}/deployments/${printableId(deploymentId)}/experiments/-`;
    const call = {
      endpoint: `GET monitoring /v2/${parent}/${collection}`,
      ranged: filter.range !== undefined,
      list: true,
    };
    const refused = this.checked(call, { workspace: workspaceId, deployment: deploymentId });
    if (refused) {
      return refused;
    }
    let filterText: string | undefined;
    try {
      filterText = aggregateFilter(filter);
    } catch (error) {
      return throwError(() => new GatewayError(FailureCause.InvalidId, call, (error as Error).message));
    }
    const path = `${MLOPS1X_ROUTES.monitoring}/${this.deploymentPath(workspaceId, deploymentId)}/experiments/-/${collection}`;
    return this.http.listRoute(path, { pageSize: PAGE_SIZE, filter: filterText, orderBy }, call, parse, (p) => p.items);
  }
}
