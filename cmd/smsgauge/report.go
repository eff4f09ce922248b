package main

import (
	"fmt"
	"io"
)

// runReport is the default command. It is filled in by the core issue.
func runReport(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "smsgauge: not yet implemented")
	return 2
}
