package domain

import (
	"encoding/base64"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

func TestCursorRoundTrip(t *testing.T) {
	tests := []struct {
		name string
		in   Cursor
		want Cursor
	}{
		{
			name: "string key",
			in:   Cursor{Order: "TITLE_ASC", Key: "Letter to the Minister", ID: "01HZX"},
			want: Cursor{Order: "TITLE_ASC", Key: "Letter to the Minister", ID: "01HZX"},
		},
		{
			name: "non-ascii string key",
			in:   Cursor{Order: "NAME", Key: "ابراهیم خدابنده", ID: "p1"},
			want: Cursor{Order: "NAME", Key: "ابراهیم خدابنده", ID: "p1"},
		},
		{
			name: "integer key comes back as json.Number",
			in:   Cursor{Order: "DATE_DESC", Key: int64(1700000000000), ID: "01HZX"},
			want: Cursor{Order: "DATE_DESC", Key: json.Number("1700000000000"), ID: "01HZX"},
		},
		{
			name: "large integer key keeps every digit",
			in:   Cursor{Order: "DATE_DESC", Key: int64(9007199254740993), ID: "x"},
			want: Cursor{Order: "DATE_DESC", Key: json.Number("9007199254740993"), ID: "x"},
		},
		{
			name: "negative key",
			in:   Cursor{Order: "DATE_ASC", Key: -5, ID: "x"},
			want: Cursor{Order: "DATE_ASC", Key: json.Number("-5"), ID: "x"},
		},
		{
			name: "nil key (undated letter)",
			in:   Cursor{Order: "DATE_ASC", Key: nil, ID: "x"},
			want: Cursor{Order: "DATE_ASC", Key: nil, ID: "x"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := tt.in.Encode()
			if strings.ContainsAny(s, "+/=") {
				t.Errorf("Encode() = %q, want URL-safe text without padding", s)
			}
			got, err := DecodeCursor("after", s, tt.in.Order)
			if err != nil {
				t.Fatalf("DecodeCursor(%q) error = %v, want nil", s, err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("DecodeCursor(%q) = %#v, want %#v", s, got, tt.want)
			}
		})
	}
}

func TestDecodeCursorTrimsSpace(t *testing.T) {
	want := Cursor{Order: "TITLE_ASC", Key: "a", ID: "1"}
	tests := []struct {
		name string
		in   string
	}{
		{name: "leading and trailing space", in: "  " + want.Encode() + " "},
		{name: "trailing newline", in: want.Encode() + "\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := DecodeCursor("after", tt.in, "TITLE_ASC")
			if err != nil {
				t.Fatalf("DecodeCursor(%q) error = %v, want nil", tt.in, err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("DecodeCursor(%q) = %#v, want %#v", tt.in, got, want)
			}
		})
	}
}

func TestDecodeCursorInvalid(t *testing.T) {
	b64 := func(s string) string { return base64.RawURLEncoding.EncodeToString([]byte(s)) }
	tests := []struct {
		name  string
		field string
		in    string
		order string
	}{
		{name: "empty", field: "after", in: "", order: "DATE_ASC"},
		{name: "not base64", field: "after", in: "!!!not-a-cursor!!!", order: "DATE_ASC"},
		{name: "truncated cursor", field: "before", in: Cursor{Order: "DATE_ASC", Key: 1, ID: "x"}.Encode()[:20], order: "DATE_ASC"},
		{name: "cursor with padding", field: "after", in: Cursor{Order: "DATE_ASC", Key: 1, ID: "xy"}.Encode() + "==", order: "DATE_ASC"},
		{name: "base64 of non-json", field: "after", in: b64("hello world"), order: "DATE_ASC"},
		{name: "json array", field: "after", in: b64(`[1,2,3]`), order: "DATE_ASC"},
		{name: "missing id", field: "after", in: b64(`{"o":"DATE_ASC","k":1}`), order: "DATE_ASC"},
		{name: "missing order", field: "after", in: b64(`{"k":1,"i":"x"}`), order: "DATE_ASC"},
		{name: "wrong type", field: "after", in: b64(`{"o":5,"k":1,"i":"x"}`), order: "DATE_ASC"},
		{name: "cursor for another order", field: "after", in: Cursor{Order: "DATE_ASC", Key: 1, ID: "x"}.Encode(), order: "DATE_DESC"},
		{name: "cursor for another order, before", field: "before", in: Cursor{Order: "TITLE_ASC", Key: "a", ID: "x"}.Encode(), order: "TITLE_DESC"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := DecodeCursor(tt.field, tt.in, tt.order)
			wantInvalid(t, err, tt.field)
			if !reflect.DeepEqual(got, Cursor{}) {
				t.Errorf("DecodeCursor(%q) = %#v, want the zero Cursor", tt.in, got)
			}
		})
	}
}

func TestPageRequestValidate(t *testing.T) {
	tests := []struct {
		name      string
		req       PageRequest
		max       int
		wantCode  Code // "" for no error
		wantField string
	}{
		{name: "nothing given", req: PageRequest{}, max: MaxPageSize},
		{name: "first", req: PageRequest{First: ptr(10)}, max: MaxPageSize},
		{name: "first zero", req: PageRequest{First: ptr(0)}, max: MaxPageSize},
		{name: "first at max", req: PageRequest{First: ptr(MaxPageSize)}, max: MaxPageSize},
		{name: "last at max", req: PageRequest{Last: ptr(50), Before: "c"}, max: 50},
		{name: "first with after", req: PageRequest{First: ptr(5), After: "c"}, max: MaxPageSize},
		{name: "first and last", req: PageRequest{First: ptr(1), Last: ptr(1)}, max: MaxPageSize, wantCode: CodeBadUserInput, wantField: "last"},
		{name: "after and before", req: PageRequest{After: "a", Before: "b"}, max: MaxPageSize, wantCode: CodeBadUserInput, wantField: "before"},
		{name: "negative first", req: PageRequest{First: ptr(-1)}, max: MaxPageSize, wantCode: CodeBadUserInput, wantField: "first"},
		{name: "negative last", req: PageRequest{Last: ptr(-3)}, max: MaxPageSize, wantCode: CodeBadUserInput, wantField: "last"},
		{name: "first above max", req: PageRequest{First: ptr(MaxPageSize + 1)}, max: MaxPageSize, wantCode: CodeLimitExceeded, wantField: "first"},
		{name: "last above lowered max", req: PageRequest{Last: ptr(51)}, max: 50, wantCode: CodeLimitExceeded, wantField: "last"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.req.Validate(tt.max)
			if tt.wantCode == "" {
				if err != nil {
					t.Errorf("Validate(%d) = %v, want nil", tt.max, err)
				}
				return
			}
			wantCode(t, err, tt.wantCode, tt.wantField)
		})
	}
}

func TestPageRequestValidateLimitMessage(t *testing.T) {
	tests := []struct {
		name string
		max  int
		want string
	}{
		{name: "default max", max: MaxPageSize, want: "maxPageSize is 100"},
		{name: "lowered max", max: 25, want: "maxPageSize is 25"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := PageRequest{First: ptr(tt.max + 1)}.Validate(tt.max)
			e := AsError(err)
			if !strings.Contains(e.Message, tt.want) {
				t.Errorf("Validate(%d).Message = %q, want it to contain %q", tt.max, e.Message, tt.want)
			}
		})
	}
}

func TestPageRequestSize(t *testing.T) {
	tests := []struct {
		name string
		req  PageRequest
		want int
	}{
		{name: "default", req: PageRequest{}, want: DefaultPageSize},
		{name: "default with after", req: PageRequest{After: "c"}, want: DefaultPageSize},
		{name: "first", req: PageRequest{First: ptr(5)}, want: 5},
		{name: "first zero", req: PageRequest{First: ptr(0)}, want: 0},
		{name: "last", req: PageRequest{Last: ptr(7)}, want: 7},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.req.Size(); got != tt.want {
				t.Errorf("Size() = %d, want %d", got, tt.want)
			}
		})
	}
}

func TestPageRequestBackward(t *testing.T) {
	tests := []struct {
		name string
		req  PageRequest
		want bool
	}{
		{name: "nothing", req: PageRequest{}, want: false},
		{name: "first", req: PageRequest{First: ptr(3)}, want: false},
		{name: "first after", req: PageRequest{First: ptr(3), After: "c"}, want: false},
		{name: "after only", req: PageRequest{After: "c"}, want: false},
		{name: "last", req: PageRequest{Last: ptr(3)}, want: true},
		{name: "last before", req: PageRequest{Last: ptr(3), Before: "c"}, want: true},
		{name: "before only", req: PageRequest{Before: "c"}, want: true},
		{name: "first before", req: PageRequest{First: ptr(3), Before: "c"}, want: false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.req.Backward(); got != tt.want {
				t.Errorf("Backward() = %t, want %t", got, tt.want)
			}
		})
	}
}

func TestLetterOrderValid(t *testing.T) {
	tests := []struct {
		name  string
		order LetterOrder
		want  bool
	}{
		{name: "date desc", order: OrderDateDesc, want: true},
		{name: "date asc", order: OrderDateAsc, want: true},
		{name: "title asc", order: OrderTitleAsc, want: true},
		{name: "title desc", order: OrderTitleDesc, want: true},
		{name: "imported desc", order: OrderImportedAtDesc, want: true},
		{name: "imported asc", order: OrderImportedAtAsc, want: true},
		{name: "empty", order: "", want: false},
		{name: "lower case", order: "date_desc", want: false},
		{name: "unknown", order: "RANDOM", want: false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.order.Valid(); got != tt.want {
				t.Errorf("LetterOrder(%q).Valid() = %t, want %t", tt.order, got, tt.want)
			}
		})
	}
}

func TestListSize(t *testing.T) {
	tests := []struct {
		name      string
		first     *int
		want      int
		wantCode  Code // "" for no error
		wantField string
	}{
		{name: "not given", first: nil, want: DefaultListSize},
		{name: "zero", first: ptr(0), want: 0},
		{name: "some", first: ptr(7), want: 7},
		{name: "at max", first: ptr(MaxListSize), want: MaxListSize},
		{name: "negative", first: ptr(-1), wantCode: CodeBadUserInput, wantField: "first"},
		{name: "above max", first: ptr(MaxListSize + 1), wantCode: CodeLimitExceeded, wantField: "first"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ListSize(tt.first)
			if tt.wantCode != "" {
				wantCode(t, err, tt.wantCode, tt.wantField)
				return
			}
			if err != nil || got != tt.want {
				t.Errorf("ListSize() = %d, %v, want %d, nil", got, err, tt.want)
			}
		})
	}
}
