// SARIF 2.1.0 as GitHub code scanning ingests it: every rule fully described, every result
// located (a source line, else the artifact, else the module's go.mod), stable fingerprints.
import type { Finding, Rule, Severity } from '../pipeline/findings.ts';
import type { Report } from './model.ts';

const LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', note: 'note' };

function sarifRule(r: Rule) {
  return {
    id: r.id,
    name: r.name,
    shortDescription: { text: r.shortDescription },
    fullDescription: { text: r.fullDescription },
    help: { text: r.help, markdown: r.help },
    helpUri: r.helpUri,
    defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
    properties: {
      tags: r.securitySeverity !== undefined ? ['security', 'supply-chain'] : ['reliability'],
      ...(r.securitySeverity !== undefined ? { 'security-severity': r.securitySeverity.toFixed(1) } : {}),
    },
  };
}

function location(f: Finding, defaultFile: string) {
  const loc = f.location;
  const uri = loc?.file ?? loc?.artifact ?? defaultFile;
  const region = loc?.file && loc.line ? { startLine: loc.line, ...(loc.column ? { startColumn: loc.column } : {}) } : undefined;
  return { physicalLocation: { artifactLocation: { uri, uriBaseId: '%SRCROOT%' }, ...(region ? { region } : {}) } };
}

export function renderSarif(r: Report): string {
  const rules = r.run.rules;
  const index = new Map(rules.map((rule, i) => [rule.id, i]));
  const results = r.run.findings.map((f) => ({
    ruleId: f.ruleId,
    ...(index.has(f.ruleId) ? { ruleIndex: index.get(f.ruleId) } : {}),
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [location(f, r.defaultFile)],
    partialFingerprints: { primaryLocationLineHash: f.fingerprint },
  }));
  const doc = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: r.tool.name, version: r.tool.version, semanticVersion: r.tool.version, informationUri: r.tool.informationUri, rules: rules.map(sarifRule) } },
        automationDetails: { id: `${r.tool.name}/` },
        originalUriBaseIds: { '%SRCROOT%': { uri: `file://${r.config.workspace.replace(/\\/g, '/').replace(/\/?$/, '/')}` } },
        results,
      },
    ],
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
