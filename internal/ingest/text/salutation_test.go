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
			if got := isSalutationLine(tt.in); got != tt.want {
				t.Errorf("isSalutationLine(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}
