package text

import "testing"

func TestSalutationParty(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"honorific and surname", "Dear Mr. Rama,", "person Rama {Mr.}"},
		{"office", "Dear Minister,", "office Minister of none"},
		{"honorific and office", "Dear Mr. President,", "office President of none"},
		{"title and surname", "Dear Prime Minister Rama,", "person Rama; as Prime Minister"},
		{"full name", "Dear Jane Doe:", "person Jane Doe"},
		{"German", "Sehr geehrter Herr Müller,", "person Müller {Herr}"},
		{"bare with honorific", "Mr. Rama,", "person Rama {Mr.}"},
		{"bare first name", "Jane,", "nothing"},
		{"generic", "Dear Sir or Madam,", "nothing"},
		{"friends", "Dear friends,", "nothing"},
		{"excellency", "Your Excellency,", "nothing"},
		{"to whom", "To whom it may concern:", "nothing"},
		{"Persian", "با سلام و احترام،", "nothing"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := "nothing"
			if p, ok := salutationParty(tt.in); ok {
				got = describeParty(p.recipient())
			}
			if got != tt.want {
				t.Errorf("salutationParty(%q) = %s, want %s", tt.in, got, tt.want)
			}
		})
	}
}

func TestIsSalutation(t *testing.T) {
	tests := []struct {
		name, in string
		want     bool
	}{
		{"dear", "Dear Mr. Rama,", true},
		{"excellency", "Excellency,", true},
		{"Persian", "با سلام و احترام،", true},
		{"German", "Sehr geehrte Damen und Herren,", true},
		{"prose starting with dear", "Dear friends of freedom have written to us many times about the camp.", false},
		{"no salutation", "Mr. Edi Rama", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := isSalutation(tt.in); got != tt.want {
				t.Errorf("isSalutation(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

func TestClosingLine(t *testing.T) {
	tests := []struct {
		name, in string
		ok       bool
		rest     string
	}{
		{"sincerely", "Sincerely,", true, ""},
		{"yours faithfully", "Yours faithfully,", true, ""},
		{"best regards", "Best regards", true, ""},
		{"with a name", "Kind regards, Marko Kovač", true, "Marko Kovač"},
		{"Persian", "با احترام", true, ""},
		{"Persian thanks", "با سپاس", true, ""},
		{"German", "Mit freundlichen Grüßen", true, ""},
		{"French", "Veuillez agréer, Monsieur le Ministre, l'expression de notre haute considération.", true, ""},
		{"prose", "Thank you for your letter of 12 March.", false, ""},
		{"prose after closing words", "Regards to your family were sent by all of us, and we hope they are well.", false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rest, ok := closingLine(tt.in)
			if ok != tt.ok || rest != tt.rest {
				t.Errorf("closingLine(%q) = %q, %v; want %q, %v", tt.in, rest, ok, tt.rest, tt.ok)
			}
		})
	}
}

// TestHead checks how the head of a letter is divided: title, lead, addressee, body.
func TestHead(t *testing.T) {
	tests := []struct {
		name       string
		text       string
		title      string
		recipients string // describeParty of the first recipient, or "none"
		bodyStart  int    // the line the body starts at, or the blank line before it
	}{
		{"title, lead, addressee", "Title\n\nAn editorial lead that introduces the letter.\n\nMr. Edi Rama\nPrime Minister of Albania\n\nThe body.",
			"Title", "person Edi Rama {Mr.}; holds Prime Minister of Albania (STATE); as Prime Minister of Albania", 7},
		{"no lead without addressee", "Title\n\nThe first paragraph.\n\nThe second.", "Title", "none", 2},
		{"invocation", "بسمه تعالی\n\nعنوان\n\nمتن نامه.", "عنوان", "none", 4},
		{"salutation ends the head", "Dear Mr. Rama,\nThe body starts here.", "", "person Rama {Mr.}", 1},
		{"to with an office", "To: Minister of Interior of Albania\n\nDear Minister,\n\nBody.", "", "office Minister of Interior of Albania (STATE)", 3},
		{"letterhead then addressee", "Nejat Society\nTehran\n\n12 March 2019\n\nMr. Edi Rama\nTirana\n\nBody text.",
			"", "person Edi Rama {Mr.}", 8},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lines := splitLines(tt.text)
			h := parseHead(lines, 0, len(lines), true)
			recipients := "none"
			if len(h.recipients) > 0 {
				recipients = describeParty(h.recipients[0])
			}
			if h.title != tt.title || recipients != tt.recipients || h.bodyStart != tt.bodyStart {
				t.Errorf("parseHead = title %q, recipient %s, body at %d; want %q, %s, %d",
					h.title, recipients, h.bodyStart, tt.title, tt.recipients, tt.bodyStart)
			}
		})
	}
}
