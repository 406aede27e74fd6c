package canonical

import (
	"encoding/json"
	"os"
	"reflect"
	"sort"
	"strings"
	"testing"
)

// The published JSON Schema names exactly the fields the Go types read, so that
// neither drifts from the other.
func TestSchemaMatchesTypes(t *testing.T) {
	raw, err := os.ReadFile("../../../docs/schema/document-v1.schema.json")
	if err != nil {
		t.Fatalf("schema: %v", err)
	}
	var schema struct {
		Properties map[string]any `json:"properties"`
		Defs       map[string]struct {
			Properties map[string]any `json:"properties"`
		} `json:"$defs"`
	}
	if err := json.Unmarshal(raw, &schema); err != nil {
		t.Fatalf("schema: %v", err)
	}
	tests := []struct {
		name  string
		typ   any
		props map[string]any
	}{
		{"document", Document{}, schema.Properties},
		{"person", Person{}, schema.Defs["person"].Properties},
		{"organisation", Organisation{}, schema.Defs["organisation"].Properties},
		{"office", Office{}, schema.Defs["office"].Properties},
		{"place", Place{}, schema.Defs["place"].Properties},
		{"letterRef", Letter{}, schema.Defs["letterRef"].Properties},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got, want := jsonFields(tt.typ), keys(tt.props); !reflect.DeepEqual(got, want) {
				t.Errorf("Go fields %q, schema properties %q", got, want)
			}
		})
	}
	// A party in the schema is the Go Party without place and letter (mentions only).
	party := jsonFields(Party{})
	var roles []string
	for _, f := range party {
		if f != "place" && f != "letter" {
			roles = append(roles, f)
		}
	}
	if want := keys(schema.Defs["party"].Properties); !reflect.DeepEqual(roles, want) {
		t.Errorf("Go party fields %q, schema %q", roles, want)
	}
}

func jsonFields(v any) []string {
	var out []string
	rt := reflect.TypeOf(v)
	for i := 0; i < rt.NumField(); i++ {
		name, _, _ := strings.Cut(rt.Field(i).Tag.Get("json"), ",")
		out = append(out, name)
	}
	sort.Strings(out)
	return out
}

func keys(m map[string]any) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
