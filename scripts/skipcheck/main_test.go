package main

import (
	"bytes"
	"strings"
	"testing"
)

// events is a test2json stream: a passing test, a skipped one with its reason, a
// skipped subtest, and a build error's plain line between them.
const events = `{"Action":"run","Package":"github.com/lettergraph/lettergraph/internal/a","Test":"TestPass"}
{"Action":"pass","Package":"github.com/lettergraph/lettergraph/internal/a","Test":"TestPass"}
{"Action":"run","Package":"github.com/lettergraph/lettergraph/cmd/lettergraph","Test":"TestExplorerInChromium"}
{"Action":"output","Package":"github.com/lettergraph/lettergraph/cmd/lettergraph","Test":"TestExplorerInChromium","Output":"=== RUN   TestExplorerInChromium\n"}
{"Action":"output","Package":"github.com/lettergraph/lettergraph/cmd/lettergraph","Test":"TestExplorerInChromium","Output":"    browser_test.go:41: no Chromium\n"}
{"Action":"output","Package":"github.com/lettergraph/lettergraph/cmd/lettergraph","Test":"TestExplorerInChromium","Output":"--- SKIP: TestExplorerInChromium (0.00s)\n"}
{"Action":"skip","Package":"github.com/lettergraph/lettergraph/cmd/lettergraph","Test":"TestExplorerInChromium"}
# github.com/lettergraph/lettergraph/internal/b [build failed]
{"Action":"output","Package":"github.com/lettergraph/lettergraph/internal/a","Test":"TestNew/case","Output":"    a_test.go:9: later\n"}
{"Action":"skip","Package":"github.com/lettergraph/lettergraph/internal/a","Test":"TestNew/case"}
{"Action":"skip","Package":"github.com/lettergraph/lettergraph/internal/a"}
`

func TestSkipped(t *testing.T) {
	got, err := skipped(strings.NewReader(events))
	if err != nil {
		t.Fatal(err)
	}
	want := []skip{
		{Package: module + "cmd/lettergraph", Test: "TestExplorerInChromium", Reason: "browser_test.go:41: no Chromium"},
		{Package: module + "internal/a", Test: "TestNew/case", Reason: "a_test.go:9: later"},
	}
	if len(got) != len(want) {
		t.Fatalf("skipped = %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("skip %d = %+v, want %+v", i, got[i], want[i])
		}
	}
}

func TestReport(t *testing.T) {
	chromium := skip{Package: module + "cmd/lettergraph", Test: "TestExplorerInChromium"}
	for _, tc := range []struct {
		name    string
		skips   []skip
		ci      bool
		wantBad int
	}{
		{"no skips", nil, true, 0},
		{"a listed skip outside CI", []skip{chromium}, false, 0},
		{"a listed skip in CI", []skip{chromium}, true, 1},
		{"a subtest of a listed test", []skip{{Package: chromium.Package, Test: "TestPlaygroundInChromium/sub"}}, false, 0},
		{"an unlisted test", []skip{{Package: module + "internal/a", Test: "TestNew"}}, false, 1},
		{"a listed name in another package", []skip{{Package: module + "internal/a", Test: "TestExplorerInChromium"}}, false, 1},
		{"a name that only contains a listed one", []skip{{Package: chromium.Package, Test: "TestShapeX"}}, false, 1},
		{"a fault test outside CI", []skip{{Package: chromium.Package, Test: "TestSIGTERMDrainsRequests"}}, false, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out bytes.Buffer
			if got := report(&out, tc.skips, allowed, tc.ci); got != tc.wantBad {
				t.Errorf("not allowed = %d, want %d\n%s", got, tc.wantBad, out.String())
			}
		})
	}
}
