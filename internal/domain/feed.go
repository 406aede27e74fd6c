package domain

import "context"

// LetterFeed reads the letters added to the store in the order they were added, so
// that every server process can follow the same stream without a broker: each letter
// created or imported (a new letter, or a stub completed by its document) takes the
// next position of one counter in the transaction that writes it. Positions are
// therefore committed in order, and a reader that has seen position n has seen every
// position below it. Stubs, updates and documents imported again take none.
type LetterFeed interface {
	// LastAdded returns the position of the latest letter added, 0 when there is none.
	LastAdded(ctx context.Context) (int64, error)
	// LettersAdded returns, in order, up to limit letters added after position after,
	// links loaded. A letter deleted since it was added is not returned.
	LettersAdded(ctx context.Context, after int64, limit int) ([]AddedLetter, error)
}

// AddedLetter is a letter with its position in the feed and the correspondents it
// involves.
type AddedLetter struct {
	Seq    int64
	Letter *Letter
	// Involved holds the ids of the letter's authors, recipients and cc, and of the
	// organisations (and the organisations they are part of) whose offices are among
	// them. Blind copies are left out: who was blind-copied is not for every reader.
	Involved []string
}

// LetterStream delivers the letters added, as they are added, to subscribers of one
// process, whichever process added them.
type LetterStream interface {
	// Subscribe returns a channel that receives each letter added from now on, once,
	// or only those involving the correspondent with id involving (see
	// AddedLetter.Involved) when it is not empty. The channel is closed when ctx is
	// done, or when the subscriber falls so far behind that letters would be lost.
	Subscribe(ctx context.Context, involving string) (<-chan *Letter, error)
	// Added tells the stream that this process has just added letters, so that its
	// subscribers see them without waiting for the next poll.
	Added()
}
