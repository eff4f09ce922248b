//go:build !amd64 || purego

package pdu

import "testing"

// forEachPacker runs f with packWords' Go loop, the only one on this
// architecture or build.
func forEachPacker(t *testing.T, f func(t *testing.T)) {
	t.Helper()
	t.Run("go", f)
}
