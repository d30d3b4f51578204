package domain

import (
	"errors"
	"fmt"
)

// Error codes, translated once at the edge: an exit status and one line in
// the command line, a status code and a JSON envelope in the API.
const (
	EINVALID  = "invalid"   // the input or the request is malformed
	ENOTFOUND = "not_found" // the thing asked for does not exist
	ECONFLICT = "conflict"  // the thing exists already
	EUNAUTH   = "unauthorized"
	ETOOLARGE = "too_large" // over a size limit
	EINTERNAL = "internal"  // a fault of ours
)

// Error is an error a user should see: a code and a message that names the
// input and the reason. Other errors are internal and their details are
// logged, not shown.
type Error struct {
	Code    string
	Message string
}

func (e *Error) Error() string { return e.Message }

// Errorf returns an *Error with the code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of err: the code of the first *Error in its
// chain, or EINTERNAL.
func ErrorCode(err error) string {
	if err == nil {
		return ""
	}
	if e, ok := errors.AsType[*Error](err); ok {
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the message a user should see for err.
func ErrorMessage(err error) string {
	if err == nil {
		return ""
	}
	if e, ok := errors.AsType[*Error](err); ok {
		return e.Message
	}
	return "internal error"
}
