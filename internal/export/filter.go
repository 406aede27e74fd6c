package export

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// filterInput is the GraphQL LetterFilter input (schema.graphqls) as JSON, the shape
// in which `export --filter` and GET /export/{format}?filter= take a filter.
type filterInput struct {
	Involving []struct {
		Correspondent string `json:"correspondent"`
		Role          string `json:"role"`
	} `json:"involving"`
	Organisation *struct {
		Organisation string    `json:"organisation"`
		Role         string    `json:"role"`
		Through      *[]string `json:"through"`
	} `json:"organisation"`
	DateFrom      string   `json:"dateFrom"`
	DateTo        string   `json:"dateTo"`
	Place         string   `json:"place"`
	SourceFormats []string `json:"sourceFormats"`
	Language      string   `json:"language"`
	Text          string   `json:"text"`
	IncludeStubs  bool     `json:"includeStubs"`
}

var (
	roles   = []string{"AUTHOR", "RECIPIENT", "CC", "BCC", "ANY"}
	formats = []string{"TEXT", "EMAIL", "CMIF", "JSON"}
	through = []string{"OFFICES", "MEMBERS", "PARTS"}
)

// ParseFilter reads a letter filter written as the GraphQL LetterFilter input in JSON
// ({"involving": [{"correspondent": "01H…", "role": "AUTHOR"}], "dateFrom":
// "1990-01-01", …}), with the same defaults: role ANY, organisation through OFFICES,
// MEMBERS and PARTS. Empty text is no filter. An unknown field, a value of the wrong
// type or outside its enum, or a date that is no YYYY-MM-DD is BAD_USER_INPUT naming
// the field ("filter.involving[0].role").
func ParseFilter(text string) (domain.LetterFilter, error) {
	var out domain.LetterFilter
	if strings.TrimSpace(text) == "" {
		return out, nil
	}
	dec := json.NewDecoder(strings.NewReader(text))
	dec.DisallowUnknownFields()
	var in filterInput
	if err := dec.Decode(&in); err != nil {
		return out, domain.Invalid("filter", "is not a LetterFilter in JSON: %s", jsonProblem(err))
	}
	if _, err := dec.Token(); err != io.EOF {
		return out, domain.Invalid("filter", "has more after the JSON object")
	}
	for i, inv := range in.Involving {
		field := fmt.Sprintf("filter.involving[%d]", i)
		if inv.Correspondent == "" {
			return out, domain.Invalid(field+".correspondent", "is required")
		}
		role, err := enum(field+".role", inv.Role, "ANY", roles)
		if err != nil {
			return out, err
		}
		out.Involving = append(out.Involving, domain.Involvement{CorrespondentID: inv.Correspondent, Role: domain.Role(role)})
	}
	if o := in.Organisation; o != nil {
		if o.Organisation == "" {
			return out, domain.Invalid("filter.organisation.organisation", "is required")
		}
		role, err := enum("filter.organisation.role", o.Role, "ANY", roles)
		if err != nil {
			return out, err
		}
		out.Organisation = &domain.OrganisationInvolvement{OrganisationID: o.Organisation, Role: domain.Role(role)}
		ways := through
		if o.Through != nil {
			ways = *o.Through
		}
		for i, t := range ways {
			if _, err := enum(fmt.Sprintf("filter.organisation.through[%d]", i), t, "", through); err != nil {
				return out, err
			}
			out.Organisation.Offices = out.Organisation.Offices || t == "OFFICES"
			out.Organisation.Members = out.Organisation.Members || t == "MEMBERS"
			out.Organisation.Parts = out.Organisation.Parts || t == "PARTS"
		}
	}
	var err error
	if out.DateFrom, err = date("filter.dateFrom", in.DateFrom); err != nil {
		return out, err
	}
	if out.DateTo, err = date("filter.dateTo", in.DateTo); err != nil {
		return out, err
	}
	for i, f := range in.SourceFormats {
		if _, err := enum(fmt.Sprintf("filter.sourceFormats[%d]", i), f, "", formats); err != nil {
			return out, err
		}
		out.Formats = append(out.Formats, domain.SourceFormat(f))
	}
	out.PlaceID, out.Language, out.Text, out.IncludeStubs = in.Place, in.Language, in.Text, in.IncludeStubs
	return out, nil
}

// enum checks that v (def when empty) is one of values.
func enum(field, v, def string, values []string) (string, error) {
	if v == "" && def != "" {
		v = def
	}
	if !slices.Contains(values, v) {
		return "", domain.Invalid(field, "%q is not one of %s", v, strings.Join(values, ", "))
	}
	return v, nil
}

func date(field, s string) (*time.Time, error) {
	if s == "" {
		return nil, nil
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return nil, domain.Invalid(field, "%q is not a date such as \"2019-03-12\"", s)
	}
	return &t, nil
}

// jsonProblem says what is wrong with the JSON without Go's type names.
func jsonProblem(err error) string {
	var typeErr *json.UnmarshalTypeError
	if errors.As(err, &typeErr) {
		return fmt.Sprintf("%s has the wrong type (%s)", typeErr.Field, typeErr.Value)
	}
	var syntax *json.SyntaxError
	if errors.As(err, &syntax) {
		return fmt.Sprintf("invalid JSON at byte %d", syntax.Offset)
	}
	return strings.TrimPrefix(err.Error(), "json: ")
}
