// A Go vulnerability database in govulncheck's file layout (-db file:///DIR), holding one real
// entry: GO-2022-1059 as golang/vulndb publishes it (data/osv/GO-2022-1059.json): CVE-2022-32149,
// golang.org/x/text/language, vulnerable functions MatchStrings and ParseAcceptLanguage, fixed
// in 0.3.8. The fixture modules that call, import or only require x/text v0.3.7 come with it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const MODIFIED = '2024-01-01T00:00:00Z';

export const GO_2022_1059 = {
  schema_version: '1.3.1',
  id: 'GO-2022-1059',
  modified: MODIFIED,
  published: '2022-10-11T00:00:00Z',
  aliases: ['CVE-2022-32149', 'GHSA-69ch-w2m2-3vjp'],
  summary: 'Denial of service via crafted Accept-Language header in golang.org/x/text/language',
  details: 'An attacker may cause a denial of service by crafting an Accept-Language header which ParseAcceptLanguage will take significant time to parse.',
  affected: [{
    package: { name: 'golang.org/x/text', ecosystem: 'Go' },
    ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '0.3.8' }] }],
    ecosystem_specific: { imports: [{ path: 'golang.org/x/text/language', symbols: ['MatchStrings', 'ParseAcceptLanguage'] }] },
  }],
  references: [{ type: 'REPORT', url: 'https://go.dev/issue/56152' }, { type: 'FIX', url: 'https://go.dev/cl/442235' }],
  database_specific: { url: 'https://pkg.go.dev/vuln/GO-2022-1059' },
};

/** Writes the database and returns its file:// URL. */
export function writeVulnDb(dir = fs.mkdtempSync(path.join(os.tmpdir(), 'grg-vulndb-'))): { dir: string; url: string } {
  fs.mkdirSync(path.join(dir, 'index'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'ID'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'index', 'db.json'), JSON.stringify({ modified: MODIFIED }));
  fs.writeFileSync(path.join(dir, 'index', 'modules.json'), JSON.stringify([{ path: 'golang.org/x/text', vulns: [{ id: GO_2022_1059.id, modified: MODIFIED, fixed: '0.3.8' }] }]));
  fs.writeFileSync(path.join(dir, 'ID', `${GO_2022_1059.id}.json`), JSON.stringify(GO_2022_1059));
  return { dir, url: `file://${dir}` };
}

const GO_MOD = (name: string) => `module example.com/${name}\n\ngo 1.22\n\nrequire golang.org/x/text v0.3.7\n`;
// go.sum lines of golang.org/x/text v0.3.7, as `go mod tidy` writes them (and sum.golang.org serves them).
const GO_SUM = 'golang.org/x/text v0.3.7 h1:olpwvP2KacW1ZWvsR7uQhoyTYvKAupfQrRGBFM352Gk=\ngolang.org/x/text v0.3.7/go.mod h1:u+2+/6zg+i71rQMx5EYifcz6MCKuco9NR6JIITiCfzQ=\n';

const MAINS = {
  called: 'package main\n\nimport (\n\t"fmt"\n\t"os"\n\n\t"golang.org/x/text/language"\n)\n\nfunc main() {\n\ttags, _, err := language.ParseAcceptLanguage(os.Getenv("ACCEPT_LANGUAGE"))\n\tfmt.Println(tags, err)\n}\n',
  imported: 'package main\n\nimport (\n\t"fmt"\n\n\t"golang.org/x/text/language"\n)\n\nfunc main() {\n\tfmt.Println(language.Make("en-US"))\n}\n',
  required: 'package main\n\nimport (\n\t"fmt"\n\n\t"golang.org/x/text/width"\n)\n\nfunc main() {\n\tfmt.Println(width.LookupRune(\'A\').Kind())\n}\n',
} as const;

export type ReachFixture = keyof typeof MAINS;

/** A module at x/text v0.3.7 that calls the vulnerable function, imports its package only, or requires the module only. */
export function writeReachFixture(dir: string, kind: ReachFixture): void {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'go.mod'), GO_MOD(kind));
  fs.writeFileSync(path.join(dir, 'go.sum'), GO_SUM);
  fs.writeFileSync(path.join(dir, 'main.go'), MAINS[kind]);
}
