package sms

import (
	"errors"
	"strings"
)

// This file is the builder's seam to the address and SID checks. Until the
// address issue lands, it holds a minimal syntax check of its own; after the
// merge these functions delegate to ParseAddress and the SID types.

var errShimAddress = errors.New("sms: not an address")

// channelOf returns the channel prefix of an address ("whatsapp", "rcs",
// "messenger"), or "" for a plain SMS address.
func channelOf(s string) string {
	if i := strings.IndexByte(s, ':'); i > 0 {
		return s[:i]
	}
	return ""
}

// isE164 reports whether s is "+" and 2 to 15 digits, not starting with 0.
func isE164(s string) bool {
	if len(s) < 3 || len(s) > 16 || s[0] != '+' || s[1] < '1' || s[1] > '9' {
		return false
	}
	for i := 2; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// checkToAddress reports why s cannot be a To address, or nil.
func checkToAddress(s string) error {
	switch ch := channelOf(s); ch {
	case "":
		if isE164(s) || isShortCode(s) {
			return nil
		}
	case "whatsapp", "rcs":
		if isE164(s[len(ch)+1:]) {
			return nil
		}
	case "messenger":
		if len(s) > len(ch)+1 {
			return nil
		}
	}
	return errShimAddress
}

func isShortCode(s string) bool {
	if len(s) < 3 || len(s) > 8 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func isAlphaSender(s string) bool {
	if len(s) == 0 || len(s) > 11 {
		return false
	}
	letter := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'A' && c <= 'Z', c >= 'a' && c <= 'z':
			letter = true
		case c >= '0' && c <= '9', c == ' ':
		default:
			return false
		}
	}
	return letter
}

// checkFromAddress reports why from cannot send to to, or nil.
func checkFromAddress(from, to string) error {
	chF, chT := channelOf(from), channelOf(to)
	if chF != chT && !(chF == "" && chT == "") {
		return errors.New("sms: From and To are on different channels")
	}
	switch chF {
	case "":
		if isE164(from) || isShortCode(from) || isAlphaSender(from) {
			return nil
		}
	case "whatsapp":
		if isE164(from[len(chF)+1:]) {
			return nil
		}
	case "rcs", "messenger":
		if len(from) > len(chF)+1 {
			return nil
		}
	}
	return errShimAddress
}

// checkFallbackAddress reports why s cannot be an SMS fallback sender.
func checkFallbackAddress(s string) error {
	if isE164(s) || isShortCode(s) || isAlphaSender(s) {
		return nil
	}
	return errShimAddress
}

// SID prefixes the Message API uses.
const (
	sidAccount = "AC"
	sidService = "MG"
	sidApp     = "AP"
	sidContent = "HX"
	sidAPIKey  = "SK"
)

// checkSID reports whether s is one of the prefixes followed by 32
// hexadecimal digits.
func checkSID(s string, prefixes ...string) bool {
	if len(s) != 34 {
		return false
	}
	ok := false
	for _, p := range prefixes {
		if s[:2] == p {
			ok = true
			break
		}
	}
	if !ok {
		return false
	}
	for i := 2; i < 34; i++ {
		c := s[i]
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
			return false
		}
	}
	return true
}
