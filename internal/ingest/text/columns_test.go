package text

import (
	"strings"
	"testing"
)

func TestUnfoldColumns(t *testing.T) {
	pad := func(left, right string) string { return left + strings.Repeat(" ", 40-len([]rune(left))) + right }
	tests := []struct {
		name, letter, want string // want: the texts of the head's lines, "/" between them
	}{
		{"addressee left, contact and date right",
			"Kreisverwaltung Osterholm\n\n" + pad("Frau", "Ihr Zeichen: –") + "\n" + pad("Dr. Anna Kessler", "Unser Zeichen: 61-204") + "\n" +
				pad("Gartenweg 3", "Telefon 04141 12-204") + "\n" + "12345 Osterholm\n\n" + strings.Repeat(" ", 40) + "Osterholm, 2. Mai 2019\n\nSehr geehrte Frau Dr. Kessler,\n\nwir schreiben Ihnen.",
			"Kreisverwaltung Osterholm//Ihr Zeichen: –/Unser Zeichen: 61-204/Telefon 04141 12-204//Osterholm, 2. Mai 2019//Frau/Dr. Anna Kessler/Gartenweg 3/12345 Osterholm//Sehr geehrte Frau Dr. Kessler,//wir schreiben Ihnen."},
		{"reference left, addressee right",
			pad("Исх. № 14/2 от 03.04.2021", "Директору ООО «Вектор»") + "\n" + pad("На № 88 от 29.03.2021", "Петрову И.С.") + "\n\nУважаемый Иван Сергеевич!\n\nСообщаем Вам.",
			"Директору ООО «Вектор»/Петрову И.С.//Исх. № 14/2 от 03.04.2021/На № 88 от 29.03.2021//Уважаемый Иван Сергеевич!//Сообщаем Вам."},
		{"a right-aligned date alone is no column",
			"Harland & Pryce Ltd\n" + strings.Repeat(" ", 40) + "3 May 2001\n\nDear Sir,\n\nWe write.",
			"Harland & Pryce Ltd/3 May 2001//Dear Sir,//We write."},
		{"a gap inside the body is no column",
			"Dear Sir,\n\n" + pad("Item", "Price") + "\n" + pad("Pumps", "£300") + "\n\nYours,",
			"Dear Sir,//Item" + strings.Repeat(" ", 36) + "Price/Pumps" + strings.Repeat(" ", 35) + "£300//Yours,"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, l := range unfoldColumns(splitLines(tt.letter)) {
				got = append(got, l.text)
			}
			if g := strings.Join(got, "/"); g != tt.want {
				t.Errorf("got  %q\nwant %q", g, tt.want)
			}
		})
	}
}

// A forwarding cover over a letter: the letter forwarded is the document.
func TestForwardedPart(t *testing.T) {
	tests := []struct{ name, letter, want string }{
		{"a marker, the forwarder's note, a rule", "---- Forwarded ----\nFrom: Ann Bell\nSent: Tue 9/17/2019\nPlease read. - A.\n--------------\n\nTO: Tom Reed\nFROM: Ian Shaw\n\nThe lift is out of order.",
			"/TO: Tom Reed/FROM: Ian Shaw//The lift is out of order."},
		{"an original message under the forwarder's note", "Tom, see below.\n-----Original Message-----\nFrom: Ian Shaw\nTo: Ann Bell\n\nThe lift is out of order.",
			"From: Ian Shaw/To: Ann Bell//The lift is out of order."},
		{"no marker", "Dear Sir,\n\nWe forwarded your letter.", "Dear Sir,//We forwarded your letter."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, l := range forwardedPart(splitLines(tt.letter)) {
				got = append(got, l.text)
			}
			if g := strings.Join(got, "/"); g != tt.want {
				t.Errorf("got  %q\nwant %q", g, tt.want)
			}
		})
	}
}

// A table drawn with pipes and borders is read as the lines it holds.
func TestUntable(t *testing.T) {
	in := "MEMO\n+------+--------------------+\n| TO:  | Ann Bell (Manager) |\n|      | Tom Reed (Clerk)   |\n| FROM:| Ian Shaw           |\n+------+--------------------+\nText."
	var got []string
	for _, l := range untable(splitLines(in)) {
		got = append(got, l.raw)
	}
	want := []string{"MEMO", strings.Repeat("-", 29), " TO:    Ann Bell (Manager)", "        Tom Reed (Clerk)", " FROM:  Ian Shaw", strings.Repeat("-", 29), "Text."}
	if strings.Join(got, "/") != strings.Join(want, "/") {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	parsed, _, _ := parseZoned(in)
	if len(parsed.Recipients) != 2 || len(parsed.Authors) != 1 {
		t.Errorf("recipients %d, authors %d, want 2 and 1", len(parsed.Recipients), len(parsed.Authors))
	}
}

// A stamp drawn in a box holds a date that is not the letter's: the letter's date line,
// written with its place, is.
func TestBoxedStamp(t *testing.T) {
	in, _, _ := parseZoned("AYUNTAMIENTO DE SORIA\nPlaza Mayor, 1 – 42001 Soria\n\n" +
		"                 ┌──────────────────────────┐\n                 │  REGISTRO – SALIDA        │\n                 │  Fecha: 08/05/2023        │\n                 └──────────────────────────┘\n\n" +
		"                          Soria, 5 de mayo de 2023\n\nSr. D. Luis Gil\nCalle Real, 3\n42002 Soria\n\nMuy señor mío:\n\nLe comunicamos que su solicitud ha sido aprobada por la Junta de Gobierno.\n\nAtentamente,\n\nEl Alcalde")
	if in.Date == nil || in.Date.Format("2006-01-02") != "2023-05-05" || in.PlaceText != "Soria" {
		t.Errorf("date %v at %q, want 2023-05-05 at Soria", in.Date, in.PlaceText)
	}
}
