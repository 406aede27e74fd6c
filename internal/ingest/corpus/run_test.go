package corpus

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// Run pairs each input with its expected document, scores what parse reads, counts a
// failed input as every fact missed and skips an expected failure.
func TestRun(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.txt", "letter a")
	write("a.expected.json", `{"subject": "A", "datePrecision": "UNKNOWN"}`)
	write("b.txt", "letter b")
	write("b.expected.json", `{"subject": "B", "datePrecision": "UNKNOWN"}`)
	write("bad.txt", "binary")
	write("bad.expected.json", `{"error": "binary"}`)
	write("alone.txt", "no expected document")
	write("README.md", "notes")
	parse := func(path string) ([]domain.LetterInput, error) {
		switch filepath.Base(path) {
		case "a.txt":
			return []domain.LetterInput{{Subject: "A"}}, nil
		case "b.txt":
			return nil, errors.New("cannot read")
		}
		t.Errorf("parse(%s), want only a.txt and b.txt read", path)
		return nil, nil
	}
	letters, err := Run(dir, parse)
	if err != nil {
		t.Fatal(err)
	}
	if len(letters) != 2 {
		t.Fatalf("%d letters scored, want 2: %+v", len(letters), letters)
	}
	if a := letters[0].Score.Total(); letters[0].Err != nil || a.Right != 2 || a.Expected != 2 {
		t.Errorf("a: %+v, %v; want 2 of 2 (subject, no date)", a, letters[0].Err)
	}
	if b := letters[1].Score.Total(); letters[1].Err == nil || b.Right != 0 || b.Expected != 2 {
		t.Errorf("b: %+v, %v; want 0 of 2 and the error", b, letters[1].Err)
	}
}
