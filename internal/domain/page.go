package domain

import (
	"encoding/base64"
	"encoding/json"
	"strings"
)

// Page sizes. Config may lower MaxPageSize; a request above it is refused, never cut.
const (
	DefaultPageSize = 20
	MaxPageSize     = 100
)

// Plain lists (a letter's parties, an organisation's members, a letter's replies…)
// return at most the first items a caller asks for, DefaultListSize when it does not
// say; more than MaxListSize is refused. The cost of an operation counts the size
// asked for, so nested lists cannot multiply past the complexity limit unnoticed.
const (
	DefaultListSize = 20
	MaxListSize     = 1000
)

// ListSize returns how many items of a plain list first asks for: DefaultListSize
// when it is nil. A negative first is INVALID_ARGUMENT, one above MaxListSize
// LIMIT_EXCEEDED, both naming first.
func ListSize(first *int) (int, error) {
	switch {
	case first == nil:
		return DefaultListSize, nil
	case *first < 0:
		return 0, Invalid("first", "must not be negative")
	case *first > MaxListSize:
		return 0, &Error{Code: CodeLimitExceeded, Field: "first",
			Message: "maxListSize is " + itoa(MaxListSize) + "; ask for at most that many"}
	}
	return *first, nil
}

// PageRequest asks for one page of a keyset-ordered list, Relay style: First items
// after the After cursor, or Last items before the Before cursor.
type PageRequest struct {
	First  *int
	After  string
	Last   *int
	Before string
}

// Backward reports whether the page is taken from the end (last/before).
func (r PageRequest) Backward() bool { return r.Last != nil || (r.Before != "" && r.First == nil) }

// Size returns the number of items asked for.
func (r PageRequest) Size() int {
	switch {
	case r.First != nil:
		return *r.First
	case r.Last != nil:
		return *r.Last
	}
	return DefaultPageSize
}

// Validate checks the request against max: first and last are not both given, are not
// negative, and not above max (LIMIT_EXCEEDED naming the limit).
func (r PageRequest) Validate(max int) error {
	if r.First != nil && r.Last != nil {
		return Invalid("last", "give first or last, not both")
	}
	if r.After != "" && r.Before != "" {
		return Invalid("before", "give after or before, not both")
	}
	for _, n := range []struct {
		name string
		v    *int
	}{{"first", r.First}, {"last", r.Last}} {
		if n.v == nil {
			continue
		}
		if *n.v < 0 {
			return Invalid(n.name, "must not be negative")
		}
		if *n.v > max {
			return &Error{Code: CodeLimitExceeded, Field: n.name,
				Message: "maxPageSize is " + itoa(max) + "; ask for at most that many and page on"}
		}
	}
	return nil
}

// PageInfo is the Relay page information.
type PageInfo struct {
	HasNextPage     bool
	HasPreviousPage bool
	StartCursor     string
	EndCursor       string
}

// Cursor is a keyset position: the sort key of an item under an order, and its id as
// the tie-breaker. Cursors are opaque to clients and tied to the order they came from.
type Cursor struct {
	Order string `json:"o"`
	Key   any    `json:"k"`
	ID    string `json:"i"`
}

// Encode returns the cursor as an opaque URL-safe string.
func (c Cursor) Encode() string {
	b, _ := json.Marshal(c) // a Cursor of strings and numbers always marshals
	return base64.RawURLEncoding.EncodeToString(b)
}

// DecodeCursor parses a cursor made by Encode for the given order. It returns a
// BAD_USER_INPUT error naming field when s is not such a cursor.
func DecodeCursor(field, s, order string) (Cursor, error) {
	var c Cursor
	b, err := base64.RawURLEncoding.DecodeString(strings.TrimSpace(s))
	if err != nil {
		return c, Invalid(field, "is not a cursor returned by this API")
	}
	dec := json.NewDecoder(strings.NewReader(string(b)))
	dec.UseNumber()
	if err := dec.Decode(&c); err != nil || c.ID == "" || c.Order == "" {
		return Cursor{}, Invalid(field, "is not a cursor returned by this API")
	}
	if c.Order != order {
		return Cursor{}, Invalid(field, "is a cursor for order %s, not %s", c.Order, order)
	}
	return c, nil
}

// LetterOrder is a sort order of letters. Each is total: ties are broken by id.
type LetterOrder string

// Letter orders. Dates sort by the earliest day a letter may have been written;
// undated letters come after dated ones newest-first, and before them oldest-first.
const (
	OrderDateDesc       LetterOrder = "DATE_DESC"
	OrderDateAsc        LetterOrder = "DATE_ASC"
	OrderTitleAsc       LetterOrder = "TITLE_ASC"
	OrderTitleDesc      LetterOrder = "TITLE_DESC"
	OrderImportedAtDesc LetterOrder = "IMPORTED_AT_DESC"
	OrderImportedAtAsc  LetterOrder = "IMPORTED_AT_ASC"
)

// Valid reports whether o is one of the letter orders.
func (o LetterOrder) Valid() bool {
	switch o {
	case OrderDateDesc, OrderDateAsc, OrderTitleAsc, OrderTitleDesc, OrderImportedAtDesc, OrderImportedAtAsc:
		return true
	}
	return false
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}
