/**
 * Where alerts go: two webhook contact points (critical and warning; one URL from the environment
 * by default, so each can be pointed elsewhere), a notification policy routing on `severity`, and
 * a template that shows deployment, model, feature, value and threshold.
 *
 * Grafana expands `$VAR` from the environment in contact-point settings and templates of alerting
 * provisioning files, so the template uses no `$` (only `.Labels…` / `.Annotations…`).
 */

export const CONTACT_POINTS = { critical: 'MLOps on-call (critical)', warning: 'MLOps team (warning)' } as const;
export const TEMPLATE_NAME = 'mlops';
/** Environment variable with the webhook URL (docker-compose: the simulator's notification sink). */
export const WEBHOOK_ENV = 'MLOPS_ALERT_WEBHOOK_URL';

export const NOTIFICATION_TEMPLATE = `{{ define "mlops.title" }}[{{ .Status | toUpper }}{{ if eq .Status "firing" }}:{{ .Alerts.Firing | len }}{{ end }}] {{ .CommonLabels.alertname }}{{ end }}

{{ define "mlops.alert" }}{{ .Status | toUpper }} · {{ .Labels.severity }} · {{ .Labels.alertname }}
{{ if .Labels.deployment }}Deployment: {{ .Labels.deployment }} ({{ .Labels.deployment_id }})
{{ end }}{{ if .Labels.model }}Model: {{ .Labels.model }} v{{ .Labels.model_version }}{{ if .Labels.role }} ({{ .Labels.role }}){{ end }}
{{ end }}{{ if .Labels.feature }}Feature: {{ .Labels.feature }}
{{ end }}{{ if .Labels.monitor }}Monitor: {{ .Labels.monitor }}
{{ end }}Value: {{ .Annotations.value }} · Threshold: {{ .Annotations.threshold }}
{{ .Annotations.summary }}
{{ if .Annotations.dashboard_url }}Dashboard: {{ .Annotations.dashboard_url }}
{{ end }}Runbook: {{ .Annotations.runbook_url }}
{{ end }}

{{ define "mlops.message" }}{{ range .Alerts }}{{ template "mlops.alert" . }}
{{ end }}{{ end }}
`;

const webhook = (uid: string, name: string) => ({
  orgId: 1,
  name,
  receivers: [
    {
      uid,
      type: 'webhook',
      disableResolveMessage: false,
      settings: {
        url: `$${WEBHOOK_ENV}`,
        httpMethod: 'POST',
        title: `{{ template "${TEMPLATE_NAME}.title" . }}`,
        message: `{{ template "${TEMPLATE_NAME}.message" . }}`,
      },
    },
  ],
});

export const contactPoints = () => [
  webhook('mlops-webhook-critical', CONTACT_POINTS.critical),
  webhook('mlops-webhook-warning', CONTACT_POINTS.warning),
];

/**
 * The organisation's notification policy tree. Provisioning it replaces the tree edited in the UI
 * (Grafana keeps one per organisation), so it is kept small: critical pages fast and repeats
 * hourly, warnings are batched and repeat twice a day.
 */
export const policies = () => [
  {
    orgId: 1,
    receiver: CONTACT_POINTS.warning,
    group_by: ['grafana_folder', 'alertname', 'deployment'],
    group_wait: '30s',
    group_interval: '5m',
    repeat_interval: '12h',
    routes: [
      {
        receiver: CONTACT_POINTS.critical,
        object_matchers: [['severity', '=', 'critical']],
        group_wait: '10s',
        repeat_interval: '1h',
      },
      {
        receiver: CONTACT_POINTS.warning,
        object_matchers: [['severity', '=', 'warning']],
        group_wait: '1m',
      },
    ],
  },
];

export const templates = () => [{ orgId: 1, name: TEMPLATE_NAME, template: NOTIFICATION_TEMPLATE }];
