package graph

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"

	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
	"github.com/vektah/gqlparser/v2/validator"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// filterOperation is an operation taking a LetterFilter, against which a filter in
// JSON is checked as GraphQL checks a variable.
var filterOperation = sync.OnceValue(func() *ast.OperationDefinition {
	doc := gqlparser.MustLoadQuery(parsedSchema, `query ($filter: LetterFilter) { letters(filter: $filter) { totalCount } }`)
	return doc.Operations[0]
})

// DecodeLetterFilter reads a letter filter written as the GraphQL LetterFilter input
// in JSON ({"involving": [{"correspondent": "01H…", "role": "AUTHOR"}], "dateFrom":
// "1990-01-01", …}), the shape in which `lettergraph export --filter` and GET
// /export/{format}?filter= take one. It is the API's own decoding, so the two
// cannot disagree: the value is checked as a variable of type LetterFilter (unknown
// fields, types, enums, dates), read by the generated code with the schema's
// defaults, and converted as the letters field's argument is. Empty text is no
// filter. Anything the schema refuses is BAD_USER_INPUT naming the field
// ("filter.involving[0].role").
func DecodeLetterFilter(text string) (domain.LetterFilter, error) {
	if strings.TrimSpace(text) == "" {
		return domain.LetterFilter{}, nil
	}
	dec := json.NewDecoder(strings.NewReader(text))
	var value any
	if err := dec.Decode(&value); err != nil {
		return domain.LetterFilter{}, domain.Invalid("filter", "is not JSON: %s", jsonProblem(err))
	}
	if _, err := dec.Token(); err != io.EOF {
		return domain.LetterFilter{}, domain.Invalid("filter", "has more after the JSON object")
	}
	vars, err := validator.VariableValues(parsedSchema, filterOperation(), map[string]any{"filter": value})
	if err != nil {
		return domain.LetterFilter{}, filterProblem(err)
	}
	ec := newExecutionContext(nil, nil, nil)
	f, err := ec.unmarshalInputLetterFilter(context.Background(), vars["filter"])
	if err != nil {
		return domain.LetterFilter{}, filterProblem(err)
	}
	return fromLetterFilter(&f), nil
}

// filterProblem names the field of the filter that GraphQL refused, as the
// export's callers wrote it: filter.involving[0].role.
func filterProblem(err error) error {
	var e *gqlerror.Error
	if !errors.As(err, &e) {
		return domain.Invalid("filter", "%v", err)
	}
	field := "filter"
	for _, p := range e.Path {
		switch p := p.(type) {
		case ast.PathIndex:
			field += fmt.Sprintf("[%d]", int(p))
		case ast.PathName:
			if p != "variable" && p != "filter" {
				field += "." + string(p)
			}
		}
	}
	msg := e.Message
	var de *domain.Error
	if errors.As(e, &de) {
		msg = de.Message // a scalar's own words: "… is not a date such as …"
	}
	return domain.Invalid(field, "%s", msg)
}

// jsonProblem says what is wrong with the JSON without Go's type names.
func jsonProblem(err error) string {
	var syntax *json.SyntaxError
	if errors.As(err, &syntax) {
		return fmt.Sprintf("invalid JSON at byte %d", syntax.Offset)
	}
	return strings.TrimPrefix(err.Error(), "json: ")
}
