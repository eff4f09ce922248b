//go:build !amd64 || purego

package pdu

// packWords packs the plain words (see packBad) of s from s[i] on, n
// septets at most (a multiple of 8, with s[i:i+n] in s), into out at o,
// with no bits pending, and returns where it stopped in s and in out: at
// the first word that is not plain, or after n septets (packWordsGo).
func packWords(out []byte, o int, s string, i, n int) (int, int) {
	return packWordsGo(out, o, s, i, n)
}
