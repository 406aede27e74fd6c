package domain

import "context"

// Restricted letters and blind copies are hidden from callers whose role is below the
// one configured (RESTRICTED_ROLE). The store enforces it inside every query, from the
// visibility its context carries; a context without one sees neither, so that a path
// that forgets to say fails closed.

type seesRestrictedKey struct{}

// WithRestricted returns ctx carrying whether its caller may see restricted letters
// and BCC links.
func WithRestricted(ctx context.Context, sees bool) context.Context {
	return context.WithValue(ctx, seesRestrictedKey{}, sees)
}

// SeesRestricted reports whether ctx's caller may see restricted letters and BCC
// links: false unless WithRestricted said so.
func SeesRestricted(ctx context.Context) bool {
	sees, _ := ctx.Value(seesRestrictedKey{}).(bool)
	return sees
}

// ErrRestricted is the error of a caller who asks for what only callers who see
// restricted letters may ask for, such as letters by their blind copies.
func ErrRestricted(field string) *Error {
	return &Error{Code: CodeForbidden, Field: field, Message: "blind copies and restricted letters are not visible to your role"}
}

type actorKey struct{}

// WithActor returns ctx carrying who acts: the subject of a request's caller, or
// the name of a command ("import", "seed"). Direct edits record it in the history.
func WithActor(ctx context.Context, who string) context.Context {
	return context.WithValue(ctx, actorKey{}, who)
}

// Actor is who ctx's caller is (WithActor), "unknown" when nobody said.
func Actor(ctx context.Context) string {
	if who, _ := ctx.Value(actorKey{}).(string); who != "" {
		return who
	}
	return "unknown"
}
