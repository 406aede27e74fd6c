package email

import (
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		name, in, want string // want "" when no date can be read
	}{
		{"rfc 5322", "Fri, 21 Nov 1997 09:55:06 -0600", "1997-11-21"},
		{"day in the message's own zone", "Fri, 21 Nov 1997 23:55:06 -0600", "1997-11-21"},
		{"no day name", "1 Jul 2003 10:52:37 +0200", "2003-07-01"},
		{"no seconds, comment", "Thu, 13 Feb 1969 23:32 -0330 (Newfoundland Time)", "1969-02-13"},
		{"folded everywhere", "Thu,\r\n      13\r\n        Feb\r\n          1969\r\n      23:32\r\n -0330", "1969-02-13"},
		{"comment inside the time", "Fri, 21 Nov 1997 09(comment):   55  :  06 -0600", "1997-11-21"},
		{"two-digit year 97", "21 Nov 97 09:55:06 GMT", "1997-11-21"},
		{"two-digit year 03", "21 Nov 03 09:55:06 GMT", "2003-11-21"},
		{"three-digit year", "21 Nov 103 09:55:06 GMT", "2003-11-21"},
		{"full month name", "Friday, 21 November 1997 09:55", "1997-11-21"},
		{"lower case month", "21 nov 1997", "1997-11-21"},
		{"asctime", "Fri Nov 21 09:55:06 1997", "1997-11-21"},
		{"asctime with zone", "Fri Nov 21 09:55:06 +0000 1997", "1997-11-21"},
		{"iso", "1997-11-21T09:55:06Z", "1997-11-21"},
		{"iso date only", "1997-11-21", "1997-11-21"},
		{"iso with space", "1997-11-21 09:55:06", "1997-11-21"},
		{"31 April", "31 Apr 2001 10:00:00 +0000", ""},
		{"29 February leap", "29 Feb 2000 10:00", "2000-02-29"},
		{"29 February not leap", "29 Feb 2001 10:00", ""},
		{"no year", "21 Nov", ""},
		{"words", "sometime last week", ""},
		{"empty", "", ""},
		{"slashes", "21/11/1997", ""},
		{"day too long", "123 Nov 1997", ""},
		{"unclosed comment", "Fri, 21 Nov 1997 (oops", "1997-11-21"},
		// Edges that a mutation run (scripts/mutation.sh) found untested.
		{"longest month name", "21 September 1997", "1997-09-21"},
		{"month first without a day name", "Nov 21 09:55:06 1997", "1997-11-21"},
		{"iso with lower-case t", "1997-11-21t09:55:06z", "1997-11-21"},
		{"iso with another letter", "1997-11-21x09:55:06", ""},
		{"first year", "1 Jan 1000", "1000-01-01"},
		{"last day of a month", "31 Jan 2001", "2001-01-31"},
		{"day 32", "32 Jan 2001", ""},
		{"a number too long to be a year is no year", "21 Nov 123456789 1997", ""},
		{"a month word is letters only", "Nov1 21 1997", ""},
		{"any letters after the month's three", "21 Novz 1997", "1997-11-21"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, ok := parseDate(tt.in)
			got := ""
			if ok {
				got = d.Format(time.DateOnly)
			}
			if got != tt.want {
				t.Errorf("parseDate(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
