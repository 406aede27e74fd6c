package text

import (
	"strings"
	"testing"
)

// zonesOf returns the zone of each non-blank line, "kind" or "kind (label)".
func zonesOf(t *testing.T, letter string) []string {
	t.Helper()
	var out []string
	for _, l := range strings.Split(explain(segment(splitLines(letter))), "\n") {
		if l == "" {
			continue
		}
		kind, _, _ := strings.Cut(l, "|")
		out = append(out, strings.TrimSpace(kind))
	}
	return out
}

func TestSegment(t *testing.T) {
	tests := []struct {
		name   string
		letter string
		want   []string
	}{
		{"a close of two lines; a copy line without a colon after an enclosure; a name in brackets", `Historisches Seminar
der Universität Halle
Fernruf 2541

                         Halle, den 14. Oktober 1968

Sehr geehrter Herr Minister!

Ich wäre Ihnen dankbar, wenn die Stelle im Haushalt berücksichtigt werden könnte.

Mit vorzüglicher Hochachtung
Ihr sehr ergebener

(Prof. Dr. Karl Weber)
Direktor

Anlage
Abschrift an den Herrn Dekan der Philosophischen Fakultät`, []string{"letterhead", "letterhead", "letterhead", "date", "salutation", "body",
			"closing", "closing", "signature", "signature", "enclosure (label-enclosure)", "copy (label-cc)"}},
		{"a date in a column beside a reference; a petition's closing date line", `No. 12/1990                                  Lisbon, 2 March 1990

Dear Sir,

We ask that the road be repaired before the winter comes.

In Lisbon, on 3 March 1990.

Maria Silva`, []string{"date", "salutation", "body", "date", "signature"}},
		{"a heading after the salutation is the subject", `Dear Mr Reed,

Repairs to the Church Stile

The Council asks you to mend the stile by the church before the spring.

Thank you.

Yours sincerely,

Anne Hale`, []string{"salutation", "subject", "body", "body", "closing", "signature"}},
		{"a short sentence after the salutation is the body", `Dear Anne,

Thank you for your letter.

We shall mend the stile by the church before the spring.

Yours,

John`, []string{"salutation", "body", "body", "closing", "signature"}},
		{"a copy list in the head, under the addressee", `COMITATO CITTADINO
Via Roma 1 – 00100 Roma

                    Al Sig. Sindaco
                    del Comune di Roccabianca

              e p.c. Al Sig. Prefetto di Parma

                    Al Comandante della Polizia Locale
                    di Roccabianca

Oggetto: illuminazione pubblica

Chiediamo che la via sia illuminata prima dell'inverno, per la sicurezza di tutti.

Distinti saluti.

Mario Rossi`, []string{"letterhead", "letterhead", "address", "address", "copy (label-cc)", "copy (label-cc)", "copy (label-cc)",
			"subject (label-subject)", "body", "closing", "signature"}},
		{"the addressee at the foot, without To", `Dear Sir,

I write about the footpath by the mill, which the Committee proposes to close.

Yours faithfully,

John Barker
Vicar of St Anne's

The Clerk,
Thornbury Parish Council,
Upper Thornbury.`, []string{"salutation", "body", "closing", "signature", "signature", "address", "address", "address"}},
		{"business letter", `ACME WIDGETS LTD
12 Mill Lane, Leeds LS1 4AB
Tel: 0113 496 0000

Our ref: AW/17

3 May 2001

Mr Peter Grant
Buyer
Grant & Sons
Leeds LS2 9JT

Dear Mr Grant,

Re: Your order of 1 May

Thank you for your order, which we shall despatch next week by road to your warehouse in Leeds.

Yours sincerely,

Mary Pike
Sales Manager

Enc.
cc: Tom Pike (Accounts)`, []string{"letterhead", "letterhead", "letterhead", "reference (label-reference)", "date",
			"address", "address", "address", "address", "salutation", "subject", "body", "closing", "signature", "signature",
			"enclosure (label-enclosure)", "copy (label-cc)"}},
		{"memo", `MEMORANDUM

TO:      All heads of department
FROM:    Facilities Manager
DATE:    2 February 2010
SUBJECT: Heating

The heating in the east wing will be off on Saturday while the boiler is serviced by the contractor.`,
			[]string{"heading", "header (label-to)", "header (label-from)", "header (label-date)", "header (label-subject)", "body"}},
		{"note verbale", `No. 12/2020

The Embassy of Ruritania presents its compliments to the Ministry of Foreign Affairs and has the honour to inform the Ministry of the visit of a delegation.

The Embassy of Ruritania avails itself of this opportunity to renew to the Ministry the assurances of its highest consideration.

Vienna, 3 March 2020

[Seal]`, []string{"reference (label-reference)", "body", "closing", "date", "other"}},
		{"persian letter", `بسمه تعالی

شماره: ۱۲۳/۴۵
تاریخ: ۱۴۰۱/۰۷/۱۴

جناب آقای دکتر علی رضایی
مدیرکل محترم امور اداری

موضوع: درخواست مرخصی

با سلام و احترام
احتراماً به استحضار می‌رساند اینجانب در نظر دارم از تاریخ ۲۰ مهر به مدت یک هفته از مرخصی استحقاقی استفاده کنم.

با تشکر
حسین کریمی

رونوشت:
- امور اداری جهت اطلاع`, []string{"invocation", "reference (label-reference)", "date (label-date)", "address", "address",
			"subject (label-subject)", "salutation", "body", "closing", "signature", "copy (label-cc)", "copy (label-cc)"}},
		{"open letter to the members of a council", `To the Members of the City Council of Eastbrook

Dear Councillors,

We write to you about the closure of the library, which we oppose.

Yours faithfully,

Ann Lee
Bob Ray`, []string{"address", "salutation", "body", "closing", "signature", "signature"}},
		{"open letter named in its title", `Open letter to the Minister of Health on waiting lists

Dear Minister,

We write to you about the waiting lists of the hospitals of the region.

Yours sincerely,

Ann Lee`, []string{"title", "salutation", "body", "closing", "signature"}},
		{"page artefact inside the body", `Dear Sir,

We write about the roof, which has let in the rain since the storm of last
winter and which nobody has come to repair.

- 2 -

We ask you to send a builder before the autumn rains begin again.

Yours faithfully,

A. Reader`, []string{"salutation", "body", "body", "page", "body", "closing", "signature"}},
		{"a salutation ending in an Arabic semicolon, the body under it", `جناب آقای رضا امینی
مدیر محترم آموزش و پرورش ناحیه ۲

سلام علیکم؛
احتراماً، به استحضار می‌رساند جلسه شورای مدرسه روز دوشنبه برگزار خواهد شد
و حضور جنابعالی موجب امتنان است.

با تشکر
مریم کاظمی`, []string{"address", "address", "salutation", "body", "body", "closing", "signature"}},
		{"a subject label without its colon; a line leading into the close", `Dear Sir,
     Re Priory Church Precincts : the culvert.

     I am directed by the Council of this Society to write to you.

                              I am, Dear Sir,
                                   Yours faithfully,

                                   H. Marsden-Tyler`, []string{"salutation", "subject", "body", "closing", "closing", "signature"}},
		{"a salutation without its comma over a wrapped paragraph", `Dear colleagues, hello

Following the agreement reached with the district health centre, the yearly
checks for the night shift start on Saturday in the works clinic.

Nasrin Maleki`, []string{"salutation", "body", "body", "signature"}},
		{"an addressee whose name starts like a salutation, the salutation under his address", `Sir John Hale, Bart.,
    Alder Hall,
        nr. Ely.

Dear Sir John,

We thank you for your kindness in allowing our members to visit the old mill.

Yours faithfully,

A. Reed`, []string{"address", "address", "address", "salutation", "body", "closing", "signature"}},
		{"the date and number over the addressee's name, the postal lines apart", `МИНИСТЕРСТВО КУЛЬТУРЫ
ОМСКОЙ ОБЛАСТИ

02.10.2023 № 14-08/55
на № ОГ-33 от 11.09.2023
                                      Иванову Петру Сергеевичу

                                      ул. Ленина, д. 2, кв. 4,
                                      г. Омск, 644000

О рассмотрении обращения

Уважаемый Пётр Сергеевич!

Министерство рассмотрело Ваше обращение и сообщает следующее.

С уважением,

А.Б. Смирнова`, []string{"letterhead", "letterhead", "date", "reference (label-reference)", "address", "address", "address", "subject", "salutation", "body", "closing", "signature"}},
		{"a salutation without its comma over a heading and the body", `Dear Mr Hartley

NIGHT-TIME VEHICLE MOVEMENTS, DICK LANE DEPOT

Thank you for your letter of 3 November about the lorries leaving the depot after ten at night.

Yours sincerely,

Martin Osei`, []string{"salutation", "subject", "body", "closing", "signature"}},
		{"a copy line after a postscript", `Dear Sir,

We thank you for the visit to the old pumping engine last Saturday.

Yours faithfully,

W. H. Bramwell

P.S.  Mr. Dack mentioned that the drawings are still at the Hall.

Copy to Mr. J. R. Dack, Engineer, Wrexley Hall Estate.`, []string{"salutation", "body", "closing", "signature", "postscript", "copy (label-cc)"}},
		{"a block that opens with 'from' after the addressee's", `                                  Директору ООО «Вектор»
                                  Петрову И. С.

                                  от начальника отдела кадров
                                  Орловой Н. В.

СЛУЖЕБНАЯ ЗАПИСКА

Прошу согласовать график отпусков сотрудников отдела на 2024 год.

Начальник отдела кадров          Н. В. Орлова`, []string{"address", "address", "header (label-from)", "header (label-from)", "heading", "body", "signature"}},
		{"a title wrapped onto a line in lower case", `Offener Brief an die Mitglieder des Stadtrates der Stadt Bamberg
zur geplanten Schließung des Hallenbads

                                   Bamberg, im März 2025

Sehr geehrte Damen und Herren,

wir bitten Sie, das Hallenbad offen zu halten.

Mit sportlichen Grüßen

Dr. Eva Roth`, []string{"title", "title", "date", "salutation", "body", "closing", "signature"}},
		{"a reference label with a colon before a date in a column", `Kemp & Price GmbH
Hafenstraße 3, 20457 Hamburg

Ihre Nachricht:     14.02.2022
Datum:              02.03.2022

Sehr geehrte Frau Roth,

wir bestätigen Ihre Bestellung.

Mit freundlichen Grüßen

Jan Kemp`, []string{"address", "address", "reference (label-reference)", "date", "salutation", "body", "closing", "signature"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := zonesOf(t, tt.letter)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("zones:\n%s\nwant:\n%s\n\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"),
					explain(segment(splitLines(tt.letter))))
			}
		})
	}
}

// Two headers side by side on one line, and an enclosure among the headers.
func TestHeadersSideBySide(t *testing.T) {
	in, _, _ := parseZoned("To:      Ruth Kemp\nFrom:    Alan Price\nRef:     AP/22/14                          Date:  4 May 2022\nEncl.:   2\nSubject: Boiler replacement\n\nThe boiler in block C will be replaced in June.\n\nA.P.")
	if in.Date == nil || in.Date.Format("2006-01-02") != "2022-05-04" {
		t.Errorf("date = %v, want 2022-05-04", in.Date)
	}
	if in.Subject != "Boiler replacement" {
		t.Errorf("subject = %q, want %q", in.Subject, "Boiler replacement")
	}
	if len(in.Recipients) != 1 || in.Recipients[0].Person == nil || in.Recipients[0].Person.Name != "Ruth Kemp" {
		t.Errorf("recipients = %+v, want Ruth Kemp", in.Recipients)
	}
}
