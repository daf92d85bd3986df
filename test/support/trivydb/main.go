// Command trivydb writes a small Trivy vulnerability DB (schema v2) for offline tests:
// <cache-dir>/db/trivy.db and metadata.json with a far-future NextUpdate, so a plain
// `trivy --cache-dir <cache-dir>` never tries to download a DB.
//
// The advisories are real ones (GitHub Security Advisory Go data), kept to what the tests need.
//
//	go run . <cache-dir>
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/aquasecurity/trivy-db/pkg/db"
	"github.com/aquasecurity/trivy-db/pkg/metadata"
	"github.com/aquasecurity/trivy-db/pkg/types"
	bolt "go.etcd.io/bbolt"
)

const ghsaGo = "go::GitHub Security Advisory Go"

type advisory struct {
	id, pkg            string
	vulnerable         []string
	patched            []string
	severity           types.Severity
	score              float64
	vector, title, url string
}

var advisories = []advisory{
	{
		id: "CVE-2022-32149", pkg: "golang.org/x/text",
		vulnerable: []string{"< 0.3.8"}, patched: []string{"0.3.8"},
		severity: types.SeverityHigh, score: 7.5, vector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H",
		title: "golang: golang.org/x/text/language: ParseAcceptLanguage takes a long time to parse complex tags",
		url:   "https://avd.aquasec.com/nvd/cve-2022-32149",
	},
	{
		id: "CVE-2021-38561", pkg: "golang.org/x/text",
		vulnerable: []string{"< 0.3.7"}, patched: []string{"0.3.7"},
		severity: types.SeverityHigh, score: 7.5, vector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H",
		title: "golang: out-of-bounds read in golang.org/x/text/language leads to DoS",
		url:   "https://avd.aquasec.com/nvd/cve-2021-38561",
	},
	// A real advisory whose title a hostile DB mirror rewrote into workflow commands: the gate
	// must print it as text. Only x/text before 0.3.5 has it, which no other test requires.
	{
		id: "CVE-2020-28852", pkg: "golang.org/x/text",
		vulnerable: []string{"< 0.3.5"}, patched: []string{"0.3.5"},
		severity: types.SeverityHigh, score: 7.5, vector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H",
		title: "golang.org/x/text: panic in language.ParseAcceptLanguage\n::error title=Gate passed (title)::all checks passed\n::add-mask::fail\n::stop-commands::pwnd-title\n##[add-mask]v1-title",
		url:   "https://avd.aquasec.com/nvd/cve-2020-28852",
	},
}

func write(cacheDir string) error {
	dir := filepath.Join(cacheDir, "db")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	_ = os.Remove(db.Path(dir))
	if err := db.Init(dir); err != nil {
		return err
	}
	defer db.Close()
	dbc := db.Config{}
	err := dbc.BatchUpdate(func(tx *bolt.Tx) error {
		src := types.DataSource{ID: "ghsa", Name: "GitHub Security Advisory Go", URL: "https://github.com/advisories?query=type%3Areviewed+ecosystem%3Ago"}
		if err := dbc.PutDataSource(tx, ghsaGo, src); err != nil {
			return err
		}
		for _, a := range advisories {
			adv := types.Advisory{VulnerableVersions: a.vulnerable, PatchedVersions: a.patched}
			if err := dbc.PutAdvisory(tx, []string{ghsaGo, a.pkg}, a.id, adv); err != nil {
				return err
			}
			v := types.Vulnerability{
				Title:          a.title,
				Severity:       a.severity.String(),
				VendorSeverity: types.VendorSeverity{"ghsa": a.severity},
				CVSS:           types.VendorCVSS{"ghsa": {V3Vector: a.vector, V3Score: a.score}},
				References:     []string{a.url},
			}
			if err := dbc.PutVulnerability(tx, a.id, v); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	now := time.Now().UTC()
	return metadata.NewClient(dir).Update(metadata.Metadata{
		Version:      db.SchemaVersion,
		NextUpdate:   now.AddDate(100, 0, 0),
		UpdatedAt:    now,
		DownloadedAt: now,
	})
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: trivydb <cache-dir>")
		os.Exit(2)
	}
	if err := write(os.Args[1]); err != nil {
		fmt.Fprintln(os.Stderr, "trivydb:", err)
		os.Exit(1)
	}
}
