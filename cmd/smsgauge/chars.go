package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/smsgauge/sms/internal/grapheme"
)

// maxPositions bounds the positions a text line lists per character; the
// others are counted ("at 2, 9, 15 and 51234 more").
const maxPositions = 8

// maxCharGroups bounds the different characters a text listing has a line
// for: a body Twilio takes has at most 1,600 characters, so its listing is
// whole. Past that the listing ends with a count of the occurrences of the
// characters not listed, and the count of different characters says "more
// than 1600": counting them would take memory for each.
const maxCharGroups = 1600

// charGroup is one character of a listing with the places it occurs: a
// Russian sentence lists each letter once, with its count.
type charGroup struct {
	text      string
	count     int    // occurrences
	positions []int  // the first maxPositions character numbers, from 1, as Twilio counts characters
	note      string // what the line adds after the name (a fix), the same for every occurrence
}

// charGroups groups the occurrences of characters in a body as they come,
// in ascending offset order, by their text, in the order each first
// occurs. Positions count the billing units of grapheme.Next (grapheme
// clusters, CR LF as two) from 1. Its memory is bounded (maxCharGroups
// groups of maxPositions positions), whatever the body: a megabyte of
// Cyrillic letters is a few dozen groups.
type charGroups struct {
	body   string
	i, pos int // pos is the character number at byte offset i of body
	n      int // occurrences added
	groups []charGroup
	index  map[string]int // text -> index in groups
	otherN int            // occurrences of characters past maxCharGroups, not listed
}

func newCharGroups(body string) *charGroups {
	return &charGroups{body: body, pos: 1, index: map[string]int{}}
}

// add counts one occurrence of text at byte offset offset of the body, with
// the note its line carries (the same for every occurrence of a text).
func (g *charGroups) add(offset int, text, note string) {
	for g.i < offset && g.i < len(g.body) {
		g.i = grapheme.Next(g.body, g.i).End
		g.pos++
	}
	g.n++
	if k, ok := g.index[text]; ok {
		c := &g.groups[k]
		c.count++
		if len(c.positions) < maxPositions {
			c.positions = append(c.positions, g.pos)
		}
		return
	}
	if len(g.groups) < maxCharGroups {
		g.index[text] = len(g.groups)
		p := make([]int, 1, maxPositions)
		p[0] = g.pos
		g.groups = append(g.groups, charGroup{text: text, note: note, count: 1, positions: p})
		return
	}
	g.otherN++
}

// count is "12 characters, 7 different", "1 character", or "5000 characters,
// more than 1600 different" when the listing is cut.
func (g *charGroups) count() string {
	if g.otherN > 0 {
		return fmt.Sprintf("%s, more than %d different", plural(g.n, "character"), len(g.groups))
	}
	return countWord(g.n, len(g.groups), "character")
}

// writeTo writes one line per group, and a last line for the characters
// past maxCharGroups:
//
//	"д" ×3  U+0434 CYRILLIC SMALL LETTER DE  at 2, 9, 15
//	and 51234 more occurrences of characters not listed (the list stops at 1600 different characters)
func (g *charGroups) writeTo(w io.Writer) {
	for _, c := range g.groups {
		fmt.Fprintf(w, "  %q ×%d  %s", c.text, c.count, describe(c.text))
		if c.note != "" {
			fmt.Fprintf(w, "  %s", c.note)
		}
		fmt.Fprintf(w, "  at %s\n", positionList(c.positions, c.count))
	}
	if g.otherN > 0 {
		fmt.Fprintf(w, "  and %d more %s of characters not listed (the list stops at %d different characters)\n",
			g.otherN, pluralWord(g.otherN, "occurrence"), maxCharGroups)
	}
}

// positionList writes positions as "2, 9, 15", and "and 51 more" when the
// character occurs count times, more than the positions given.
func positionList(p []int, count int) string {
	var b strings.Builder
	for i, n := range p {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(strconv.Itoa(n))
	}
	if count > len(p) {
		fmt.Fprintf(&b, " and %d more", count-len(p))
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

// pluralWord is word, with an s unless n is 1.
func pluralWord(n int, word string) string {
	if n == 1 || n == -1 {
		return word
	}
	return word + "s"
}
