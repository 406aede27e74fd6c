package main

import (
	"regexp"
	"strings"
)

// rule allows the tests of a package whose top-level name matches test to skip, for
// the reason why; in CI only when inCI.
type rule struct {
	pkg  string         // the package's import path, without the module's
	test *regexp.Regexp // the top-level test's name, whole
	why  string
	inCI bool
}

const module = "github.com/lettergraph/lettergraph/"

// allowed is every test that may skip, and why. In CI (CI=true, which .ci/run
// sets) none may: each of these fails there instead of skipping, because CI
// installs and starts what it needs (Neo4j too: a test that needs it fails in CI
// without it, so no rule names it). Outside CI they skip on a machine without the
// thing named, or under -short, so that `go test` works before everything is set up.
var allowed = []rule{
	{pkg: "cmd/lettergraph", test: regexp.MustCompile(`TestNeo4jStoppedAndBack|TestImportKilledAndRunAgain|TestImportInterruptedByNeo4jStop|TestAcknowledgedWritesSurviveACrash|TestSIGTERMDrainsRequests`),
		why: "a fault test: it starts Neo4j processes of its own, so it runs in CI or with LETTERGRAPH_FAULT_TESTS=1"},
	{pkg: "cmd/lettergraph", test: regexp.MustCompile(`Test\w+InChromium`), why: "needs Chromium and scripts/browser-test's node_modules"},
	{pkg: "cmd/lettergraph", test: regexp.MustCompile(`TestExportReadByNetworkx`), why: "needs Python 3 with networkx"},
	{pkg: "internal/gen", test: regexp.MustCompile(`TestShape`), why: "-short: measures 20k letters"},
	{pkg: "internal/ingest/text", test: regexp.MustCompile(`TestLargeLetter`), why: "-short: a large input"},
	{pkg: "internal/ingest/email", test: regexp.MustCompile(`TestParseMboxStreams|TestHostileInputs`), why: "-short: reads about 100 MiB"},
}

// match finds the rule that allows s, if any. A subtest is allowed with its test.
func match(rules []rule, s skip, ci bool) (rule, bool) {
	top, _, _ := strings.Cut(s.Test, "/")
	pkg := strings.TrimPrefix(s.Package, module)
	for _, r := range rules {
		if ci && !r.inCI {
			continue
		}
		if r.pkg == pkg && wholeMatch(r.test, top) {
			return r, true
		}
	}
	return rule{}, false
}

func wholeMatch(re *regexp.Regexp, s string) bool {
	loc := re.FindStringIndex(s)
	return loc != nil && loc[0] == 0 && loc[1] == len(s)
}
