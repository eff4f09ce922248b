package sms

//go:generate go run ./internal/gen/nationallang/cmd

import (
	"errors"
	"strconv"
	"strings"
)

// Language is a national language of 3GPP TS 23.038 annex A, identified by
// its national language identifier (the value carried by the single shift
// and locking shift information elements of a user data header). The zero
// value, LanguageNone, stands for the GSM 7-bit default alphabet and its
// extension table.
//
// National language tables are opt-in: Twilio does not use them, and many
// handsets outside the countries that asked for them do not render them.
type Language uint8

// The national languages with tables in 3GPP TS 23.038 annex A.
const (
	LanguageNone       Language = 0
	LanguageTurkish    Language = 1
	LanguageSpanish    Language = 2 // single shift table only (annex A.3.2 is void)
	LanguagePortuguese Language = 3
	LanguageBengali    Language = 4
	LanguageGujarati   Language = 5
	LanguageHindi      Language = 6
	LanguageKannada    Language = 7
	LanguageMalayalam  Language = 8
	LanguageOriya      Language = 9
	LanguagePunjabi    Language = 10
	LanguageTamil      Language = 11
	LanguageTelugu     Language = 12
	LanguageUrdu       Language = 13
)

var languageNames = [nlTables]string{
	"default", "Turkish", "Spanish", "Portuguese", "Bengali", "Gujarati", "Hindi",
	"Kannada", "Malayalam", "Oriya", "Punjabi", "Tamil", "Telugu", "Urdu",
}

// languageCodes are ISO 639-1 codes, in identifier order.
var languageCodes = [nlTables]string{
	"", "tr", "es", "pt", "bn", "gu", "hi", "kn", "ml", "or", "pa", "ta", "te", "ur",
}

// String returns the English name of the language, "default" for
// LanguageNone, or "Language(N)" for an identifier without tables.
func (l Language) String() string {
	if l.valid() {
		return languageNames[l]
	}
	return "Language(" + strconv.Itoa(int(l)) + ")"
}

// Code returns the ISO 639-1 code of the language ("tr" for Turkish), or ""
// for LanguageNone and identifiers without tables.
func (l Language) Code() string {
	if l.valid() {
		return languageCodes[l]
	}
	return ""
}

// HasLockingShift reports whether the language has a locking shift table.
// Spanish has only a single shift table.
func (l Language) HasLockingShift() bool { return l.valid() && nlHasLocking[l] }

func (l Language) valid() bool { return int(l) < nlTables }

// ErrUnknownLanguage is returned for a language name or identifier that has
// no national language tables.
var ErrUnknownLanguage = errors.New("sms: unknown national language")

// LanguageError reports a language the library has no tables for.
type LanguageError struct {
	Name string   // the text that was parsed, if any
	ID   Language // the identifier, when Name is empty
}

func (e *LanguageError) Error() string {
	if e.Name != "" {
		return "sms: unknown national language " + strconv.Quote(e.Name) + " (want an ISO 639-1 code such as tr, or an English name)"
	}
	return "sms: no national language tables for identifier " + strconv.Itoa(int(e.ID))
}

func (e *LanguageError) Unwrap() error { return ErrUnknownLanguage }

// ParseLanguage parses an ISO 639-1 code ("tr") or an English name
// ("Turkish"), case-insensitively.
func ParseLanguage(s string) (Language, error) {
	t := strings.TrimSpace(s)
	for i := 1; i < nlTables; i++ {
		if strings.EqualFold(t, languageCodes[i]) || strings.EqualFold(t, languageNames[i]) {
			return Language(i), nil
		}
	}
	return 0, &LanguageError{Name: s}
}

// nlPair maps a code point to a septet of one table.
type nlPair struct {
	r    rune
	code uint8
}

// nlLookup finds r in a table sorted by code point.
func nlLookup(enc []nlPair, r rune) (byte, bool) {
	lo, hi := 0, len(enc)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if enc[m].r < r {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(enc) && enc[lo].r == r {
		return enc[lo].code, true
	}
	return 0, false
}

// nlCode returns the septets that encode r with the given locking and
// single shift tables: n is 1 for a locking table code, 2 for an escape
// pair (0x1B, code) and 0 when the pair of tables cannot encode r. lock
// must be LanguageNone or a language with a locking shift table.
func nlCode(lock, single Language, r rune) (code byte, n int) {
	if c, ok := nlLookup(nlLockingEnc[lock], r); ok {
		return c, 1
	}
	if c, ok := nlLookup(nlSingleEnc[single], r); ok {
		return c, 2
	}
	return 0, 0
}

// nlDecode returns the character of a septet under a locking table, and of
// an escape pair under a single shift table: an escape followed by a code
// the single shift table leaves undefined shows the locking table character
// (3GPP TS 23.038 6.2.1.1). ok is false for an undefined locking code.
func nlDecode(lock, single Language, esc bool, code byte) (r rune, ok bool) {
	code &= 0x7f
	if esc {
		if r = nlSingle[single][code]; r >= 0 {
			return r, true
		}
	}
	r = nlLocking[lock][code]
	return r, r >= 0
}
