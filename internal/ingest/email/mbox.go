package email

import (
	"bufio"
	"bytes"
	"fmt"
	"io"

	"github.com/lettergraph/lettergraph/internal/ingest/document"
)

// ParseMbox reads an mbox archive (mboxo or mboxrd: messages each after a "From "
// separator line, body lines that began with "From " escaped as ">From ") and yields
// its messages in order, the n-th named origin#n. A message is streamed, never held
// whole, so archives and attachments of any size are read in bounded memory; each is
// read as Parse reads one, so a bad message is a failed item and the next is read.
// Text before the first separator, if any, is read as a message too. ParseMbox
// returns the read error of r, or the one yield returns.
func ParseMbox(r io.Reader, origin string, yield document.Yield) error {
	m := &mboxReader{br: bufio.NewReaderSize(r, 64<<10), atStart: true}
	msg := bufio.NewReaderSize(m, 64<<10) // reused: an mbox may hold millions of messages
	m.skipBOM()
	for n := 1; ; n++ {
		if err := m.skipBlankLines(); err != nil {
			return err
		}
		if m.eof {
			return nil
		}
		if err := m.skipSeparator(); err != nil {
			return err
		}
		m.end = false
		msg.Reset(m)
		item := parseMessage(msg, fmt.Sprintf("%s#%d", origin, n), m.line+1)
		if _, err := io.Copy(io.Discard, m); err != nil {
			return err
		}
		if m.err != nil {
			return m.err
		}
		if err := yield(item); err != nil {
			return err
		}
	}
}

// mboxReader reads one message of an mbox at a time: it returns io.EOF at the next
// separator line, which it leaves unread, and unescapes ">From " lines (mboxrd: one
// ">" is removed from any line of ">"s followed by "From ").
type mboxReader struct {
	br      *bufio.Reader
	line    int  // lines read so far
	atStart bool // the next byte starts a line
	end     bool // the current message has ended
	eof     bool // the input has ended
	err     error
	buf     []byte
	pending []byte
}

func (m *mboxReader) Read(p []byte) (int, error) {
	for len(m.pending) == 0 {
		if m.end {
			if m.err != nil {
				return 0, m.err
			}
			return 0, io.EOF
		}
		m.fill()
	}
	n := copy(p, m.pending)
	m.pending = m.pending[n:]
	return n, nil
}

// fill moves the next lines of the message into pending, or ends the message. Lines
// are taken in bulk from what is buffered; only a line that starts with "F" or ">"
// (a separator, an escaped line) is looked at alone.
func (m *mboxReader) fill() {
	if m.br.Buffered() == 0 {
		if _, err := m.br.Peek(1); err != nil {
			m.end = true
			if err == io.EOF {
				m.eof = true
			} else {
				m.err = err
			}
			return
		}
	}
	data, _ := m.br.Peek(m.br.Buffered())
	n := 0
	for n < len(data) {
		if m.atStart && (data[n] == 'F' || data[n] == '>') {
			if n == 0 {
				m.fillSpecial()
				return
			}
			break
		}
		nl := bytes.IndexByte(data[n:], '\n')
		if nl < 0 {
			n = len(data)
			m.atStart = false
			break
		}
		n += nl + 1
		m.line++
		m.atStart = true
	}
	m.buf = append(m.buf[:0], data[:n]...)
	_, _ = m.br.Discard(n)
	m.pending = m.buf
}

// fillSpecial reads one line (or the first piece of a long one) that may be a
// separator, which ends the message, or an escaped ">From " line, which it unescapes.
func (m *mboxReader) fillSpecial() {
	if m.atSeparator() {
		m.end = true
		return
	}
	chunk, err := m.br.ReadSlice('\n')
	switch err {
	case nil:
		m.atStart = true
		m.line++
	case bufio.ErrBufferFull:
		m.atStart = false
	case io.EOF:
		m.end, m.eof = true, true
	default:
		m.end, m.err = true, err
	}
	if isEscapedFrom(chunk) {
		chunk = chunk[1:]
	}
	m.buf = append(m.buf[:0], chunk...)
	m.pending = m.buf
}

// peekLine returns the start of the next line (up to 1 KiB, which any separator
// fits in) without reading it.
func (m *mboxReader) peekLine() []byte {
	b, err := m.br.Peek(1024)
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull && m.err == nil {
		m.err = err
	}
	if i := bytes.IndexByte(b, '\n'); i >= 0 {
		b = b[:i+1]
	}
	return b
}

func (m *mboxReader) atSeparator() bool { return isSeparator(m.peekLine()) }

func (m *mboxReader) skipBOM() {
	if b, _ := m.br.Peek(3); bytes.Equal(b, []byte("\xef\xbb\xbf")) {
		_, _ = m.br.Discard(3)
	}
}

// skipBlankLines skips blank lines between messages and notes the end of input.
func (m *mboxReader) skipBlankLines() error {
	for {
		b := m.peekLine()
		if m.err != nil {
			return m.err
		}
		if len(b) == 0 {
			m.eof = true
			return nil
		}
		if len(bytes.TrimRight(b, "\r\n")) > 0 {
			return nil
		}
		_, _ = m.br.Discard(len(b))
		m.line++
	}
}

// skipSeparator reads the separator line in front of a message, if there is one.
func (m *mboxReader) skipSeparator() error {
	if !m.atSeparator() {
		return m.err
	}
	for {
		_, err := m.br.ReadSlice('\n')
		switch err {
		case bufio.ErrBufferFull:
			continue
		case nil, io.EOF:
			m.line++
			m.atStart = true
			return nil
		default:
			return err
		}
	}
}

// isEscapedFrom reports whether a line is an escaped body line, ">From " or
// ">>From " and so on.
func isEscapedFrom(line []byte) bool {
	rest := bytes.TrimLeft(line, ">")
	return len(rest) < len(line) && bytes.HasPrefix(rest, []byte("From "))
}

// isSeparator reports whether a line is an mbox separator: "From ", a sender (an
// address, "-" or "MAILER-DAEMON"), then a date with a month name and a time, as in
// "From jdoe@example.com Fri Nov 21 09:55:06 1997". Requiring the date keeps body
// lines that begin with "From " but were not escaped from splitting a message.
func isSeparator(line []byte) bool {
	if !bytes.HasPrefix(line, []byte("From ")) {
		return false
	}
	words, month, clock := 0, false, false
	rest := line[5:]
	for len(rest) > 0 {
		rest = bytes.TrimLeft(rest, " \t\r\n")
		end := bytes.IndexAny(rest, " \t\r\n")
		if end < 0 {
			end = len(rest)
		}
		w := rest[:end]
		rest = rest[end:]
		if len(w) == 0 {
			break
		}
		words++
		if words == 1 {
			continue // the sender
		}
		if len(w) >= 3 && isLetters(string(w)) {
			_, ok := months[string(bytes.ToLower(w[:3]))]
			month = month || ok
		}
		clock = clock || isClock(w)
	}
	return month && clock
}

// isClock reports whether w is a time of day, "9:55" or "09:55:06".
func isClock(w []byte) bool {
	groups, digits := 1, 0
	for _, c := range w {
		switch {
		case c >= '0' && c <= '9':
			digits++
			if digits > 2 {
				return false
			}
		case c == ':' && digits > 0:
			groups++
			digits = 0
		default:
			return false
		}
	}
	return digits > 0 && groups >= 2 && groups <= 3
}
