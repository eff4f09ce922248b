package sms

import "github.com/rivo/uniseg"

// refClusters returns the byte ranges of the grapheme clusters of s as
// rivo/uniseg alone finds them: the reference the fast path must equal.
func refClusters(s string) [][2]int {
	var out [][2]int
	state := -1
	for i := 0; i < len(s); {
		var c string
		c, _, _, state = uniseg.FirstGraphemeClusterInString(s[i:], state)
		out = append(out, [2]int{i, i + len(c)})
		i += len(c)
	}
	return out
}
