package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/smsgauge/sms/internal/grapheme"
)

// charGroup is one character of a listing with every place it occurs: a
// Russian sentence lists each letter once, with its count.
type charGroup struct {
	text      string
	offsets   []int  // byte offsets in the body
	positions []int  // character numbers, from 1, as Twilio counts characters
	note      string // what the line adds after the name (a fix), the same for every occurrence
}

// charAt is one occurrence handed to groupChars.
type charAt struct {
	offset int
	text   string
	note   string
}

// groupChars groups occurrences (in ascending offset order) of body by
// their text and note, in the order each first occurs. Positions count the
// billing units of grapheme.Next (grapheme clusters, CR LF as two) from 1.
func groupChars(body string, occ []charAt) []charGroup {
	var groups []charGroup
	index := map[string]int{}
	pos, i := 1, 0
	for _, c := range occ {
		for i < c.offset && i < len(body) {
			i = grapheme.Next(body, i).End
			pos++
		}
		key := c.text + "\x00" + c.note
		k, ok := index[key]
		if !ok {
			k = len(groups)
			index[key] = k
			groups = append(groups, charGroup{text: c.text, note: c.note})
		}
		groups[k].offsets = append(groups[k].offsets, c.offset)
		groups[k].positions = append(groups[k].positions, pos)
	}
	return groups
}

// maxPositions bounds the positions a text line lists per character.
const maxPositions = 8

// writeCharGroups writes one line per group:
//
//	"д" ×3  U+0434 CYRILLIC SMALL LETTER DE  at 2, 9, 15
func writeCharGroups(w io.Writer, groups []charGroup) {
	for _, g := range groups {
		fmt.Fprintf(w, "  %q ×%d  %s", g.text, len(g.positions), describe(g.text))
		if g.note != "" {
			fmt.Fprintf(w, "  %s", g.note)
		}
		fmt.Fprintf(w, "  at %s\n", positionList(g.positions))
	}
}

// positionList writes positions as "2, 9, 15", cut after maxPositions.
func positionList(p []int) string {
	var b strings.Builder
	for i, n := range p {
		if i == maxPositions {
			fmt.Fprintf(&b, " and %d more", len(p)-i)
			break
		}
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(strconv.Itoa(n))
	}
	return b.String()
}

// countWord is "12 characters, 7 different" or "1 character".
func countWord(n, distinct int, word string) string {
	s := plural(n, word)
	if distinct != n {
		s += fmt.Sprintf(", %d different", distinct)
	}
	return s
}
