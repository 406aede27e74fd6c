package ingest

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Source is one input to import: a file, or standard input.
type Source struct {
	Name string // the path, or "-" for standard input
	Size int64  // bytes, or -1 when unknown
	open func() (io.ReadCloser, error)
}

// Open opens the source for reading.
func (s Source) Open() (io.ReadCloser, error) { return s.open() }

// Sources expands command-line arguments into sources: "-" is stdin, a folder is
// every regular file below it (hidden files and folders skipped; sorted), a pattern
// with * ? or [ is a glob, anything else a file. An argument that names nothing is an
// error naming it.
func Sources(args []string, stdin io.Reader) ([]Source, error) {
	var out []Source
	for _, arg := range args {
		if arg == "-" {
			out = append(out, Source{Name: "-", Size: -1, open: func() (io.ReadCloser, error) { return io.NopCloser(stdin), nil }})
			continue
		}
		paths := []string{arg}
		if strings.ContainsAny(arg, "*?[") {
			matches, err := filepath.Glob(arg)
			if err != nil {
				return nil, fmt.Errorf("%s: %v", arg, err)
			}
			if len(matches) == 0 {
				return nil, fmt.Errorf("%s: no file matches", arg)
			}
			paths = matches
		}
		for _, p := range paths {
			files, err := expand(p)
			if err != nil {
				return nil, err
			}
			out = append(out, files...)
		}
	}
	return out, nil
}

// expand turns a path into the files it names.
func expand(path string) ([]Source, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, errors.Unwrap(err))
	}
	if !info.IsDir() {
		return []Source{fileSource(path, info.Size())}, nil
	}
	var out []Source
	err = filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		hidden := strings.HasPrefix(d.Name(), ".") && p != path
		switch {
		case d.IsDir() && hidden:
			return filepath.SkipDir
		case d.IsDir() || hidden || !d.Type().IsRegular():
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		out = append(out, fileSource(p, info.Size()))
		return nil
	})
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, err
}

func fileSource(path string, size int64) Source {
	return Source{Name: path, Size: size, open: func() (io.ReadCloser, error) { return os.Open(path) }}
}

// StringSource is a source held in memory, for documents that arrive in a request.
func StringSource(name, content string) Source {
	return Source{Name: name, Size: int64(len(content)), open: func() (io.ReadCloser, error) {
		return io.NopCloser(strings.NewReader(content)), nil
	}}
}
