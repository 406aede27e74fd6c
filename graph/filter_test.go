package graph_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/lettergraph/lettergraph/graph"
	"github.com/lettergraph/lettergraph/internal/domain"
)

// TestDecodeLetterFilter reads filters in the shape of the GraphQL LetterFilter input,
// with its defaults, and refuses what the schema would, naming the field.
func TestDecodeLetterFilter(t *testing.T) {
	describe := func(f domain.LetterFilter) string {
		s := fmt.Sprintf("inv=%v formats=%v place=%q lang=%q text=%q stubs=%v", f.Involving, f.Formats, f.PlaceID, f.Language, f.Text, f.IncludeStubs)
		if f.DateFrom != nil || f.DateTo != nil {
			s += " dates=" + dateOf(f.DateFrom) + ".." + dateOf(f.DateTo)
		}
		if o := f.Organisation; o != nil {
			s += fmt.Sprintf(" org=%+v", *o)
		}
		return s
	}
	tests := []struct {
		name, in string
		want     string // describe of the filter, or the error
	}{
		{"empty", "", `inv=[] formats=[] place="" lang="" text="" stubs=false`},
		{"empty object", "{}", `inv=[] formats=[] place="" lang="" text="" stubs=false`},
		{"everything", `{"involving": [{"correspondent": "A", "role": "AUTHOR"}, {"correspondent": "B"}],
			"dateFrom": "1990-01-01", "dateTo": "1999-12-31", "place": "P", "sourceFormats": ["CMIF", "EMAIL"],
			"language": "de", "text": "visas", "includeStubs": true}`,
			`inv=[{A AUTHOR} {B ANY}] formats=[CMIF EMAIL] place="P" lang="de" text="visas" stubs=true dates=1990-01-01..1999-12-31`},
		{"organisation, through everything by default", `{"organisation": {"organisation": "O"}}`,
			`inv=[] formats=[] place="" lang="" text="" stubs=false org={OrganisationID:O Role:ANY Offices:true Members:true Parts:true}`},
		{"organisation through offices only", `{"organisation": {"organisation": "O", "role": "CC", "through": ["OFFICES"]}}`,
			`inv=[] formats=[] place="" lang="" text="" stubs=false org={OrganisationID:O Role:CC Offices:true Members:false Parts:false}`},
		{"organisation itself", `{"organisation": {"organisation": "O", "through": []}}`,
			`inv=[] formats=[] place="" lang="" text="" stubs=false org={OrganisationID:O Role:ANY Offices:false Members:false Parts:false}`},
		{"unknown field", `{"recipents": []}`, `BAD_USER_INPUT: filter.recipents: unknown field`},
		{"wrong type", `{"text": 3}`, `BAD_USER_INPUT: filter.text: cannot use float64 as String`},
		{"not JSON", `{"text": `, `BAD_USER_INPUT: filter: is not JSON: unexpected EOF`},
		{"more after", `{} {}`, `BAD_USER_INPUT: filter: has more after the JSON object`},
		{"null", `null`, `inv=[] formats=[] place="" lang="" text="" stubs=false`},
		{"not an object", `["A"]`, `BAD_USER_INPUT: filter: must be a LetterFilter, not a slice`},
		{"bad role", `{"involving": [{"correspondent": "A", "role": "SENDER"}]}`,
			`BAD_USER_INPUT: filter.involving[0].role: SENDER is not a valid Role`},
		{"no correspondent", `{"involving": [{"role": "CC"}]}`, `BAD_USER_INPUT: filter.involving[0].correspondent: must be defined`},
		{"bad date", `{"dateTo": "1999-13-01"}`, `BAD_USER_INPUT: filter.dateTo: "1999-13-01" is not a date such as "2019-03-12"`},
		{"bad format", `{"sourceFormats": ["PDF"]}`, `BAD_USER_INPUT: filter.sourceFormats[0]: PDF is not a valid SourceFormat`},
		{"bad through", `{"organisation": {"organisation": "O", "through": ["FRIENDS"]}}`,
			`BAD_USER_INPUT: filter.organisation.through[0]: FRIENDS is not a valid Through`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := graph.DecodeLetterFilter(tt.in)
			got := ""
			if err != nil {
				got = err.Error()
			} else {
				got = describe(f)
			}
			if got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

func dateOf(t *time.Time) string {
	if t == nil {
		return "-"
	}
	return t.Format(time.DateOnly)
}
